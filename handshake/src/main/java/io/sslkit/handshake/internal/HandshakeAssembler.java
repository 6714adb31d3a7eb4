package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.io.ByteArrayOutputStream;

/**
 * Cuts the handshake content-type stream into messages: a message may span several records and one record may
 * carry several messages (RFC 6101 §5.2.1). A declared length above the configured maximum is refused as soon as
 * the header is seen, before any buffering, so that a hostile peer cannot make us allocate 16 MiB.
 */
final class HandshakeAssembler {
    private final int maxMessageSize;
    private byte[] pending = new byte[0];

    HandshakeAssembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    void add(byte[] fragment) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(pending.length + fragment.length);
        joined.write(pending, 0, pending.length);
        joined.write(fragment, 0, fragment.length);
        pending = joined.toByteArray();
    }

    /** True when no partial message is buffered: only then may another content type (CCS, data) arrive. */
    boolean isEmpty() {
        return pending.length == 0;
    }

    /** The next complete message, or null when more bytes are needed. */
    HandshakeMessage next() throws SslAlertException {
        if (pending.length < 4) {
            return null;
        }
        int code = pending[0] & 0xFF;
        HandshakeType type = HandshakeType.fromCode(code);
        if (type == null) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake type " + code);
        }
        int length = ((pending[1] & 0xFF) << 16) | ((pending[2] & 0xFF) << 8) | (pending[3] & 0xFF);
        if (length > maxMessageSize) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    type + " of " + length + " bytes exceeds the maximum handshake message size " + maxMessageSize);
        }
        if (pending.length < 4 + length) {
            return null;
        }
        byte[] encoded = new byte[4 + length];
        System.arraycopy(pending, 0, encoded, 0, encoded.length);
        byte[] body = new byte[length];
        System.arraycopy(pending, 4, body, 0, length);
        byte[] rest = new byte[pending.length - encoded.length];
        System.arraycopy(pending, encoded.length, rest, 0, rest.length);
        pending = rest;
        return new HandshakeMessage(type, body, encoded);
    }
}
