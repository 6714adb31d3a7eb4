package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;

/**
 * Reads the body of one handshake message with a bounds check on every field: a length that runs past the end, or
 * that breaks the vector's declared limits, is a decode_error naming the field.
 */
final class HandshakeReader {
    private final byte[] buf;
    private final String message;
    private int pos;

    HandshakeReader(byte[] body, String message) {
        this.buf = body;
        this.message = message;
    }

    boolean hasRemaining() {
        return pos < buf.length;
    }

    int u8(String field) throws SslAlertException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws SslAlertException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24(String field) throws SslAlertException {
        need(3, field);
        int v = ((buf[pos] & 0xFF) << 16) | ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    byte[] fixed(int n, String field) throws SslAlertException {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** opaque field&lt;min..max&gt; with a one-byte length. */
    byte[] vector8(int min, int max, String field) throws SslAlertException {
        return vector(u8(field), min, max, field);
    }

    byte[] vector16(int min, int max, String field) throws SslAlertException {
        return vector(u16(field), min, max, field);
    }

    byte[] vector24(int min, int max, String field) throws SslAlertException {
        return vector(u24(field), min, max, field);
    }

    /** A message must end exactly where its last field ends. */
    void expectEnd() throws SslAlertException {
        if (pos != buf.length) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR,
                    message + ": " + (buf.length - pos) + " bytes after the last field");
        }
    }

    private byte[] vector(int length, int min, int max, String field) throws SslAlertException {
        if (length < min || length > max) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR,
                    message + "." + field + ": length " + length + " outside " + min + ".." + max);
        }
        return fixed(length, field);
    }

    private void need(int n, String field) throws SslAlertException {
        if (buf.length - pos < n) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR,
                    message + "." + field + ": needs " + n + " bytes, " + (buf.length - pos) + " left");
        }
    }
}
