package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts the handshake content-type stream into messages: a message may span several records and one record may
 * carry several messages (RFC 6101 §5.2.1). A declared length above the configured maximum is refused as soon as
 * the header is seen, before any buffering, so that a hostile peer cannot make us allocate 16 MiB; and bytes are
 * kept in one buffer grown by doubling, so that a message dribbled in one-byte records costs linear work. The
 * buffer exists only while bytes wait in it: an established connection keeps none.
 */
final class HandshakeAssembler {
    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_CAPACITY = 256;
    private final int maxMessageSize;
    private byte[] buffer = EMPTY;
    /** Buffered bytes are buffer[start..end). */
    private int start;
    private int end;

    HandshakeAssembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    void add(byte[] fragment) {
        add(ByteBuffer.wrap(fragment));
    }

    /** Takes all remaining bytes of {@code fragment}. */
    void add(ByteBuffer fragment) {
        int length = fragment.remaining();
        if (buffer.length - end < length) {
            int pending = end - start;
            int needed = pending + length;
            byte[] target = buffer.length >= needed ? buffer
                    : new byte[Math.max(needed, Math.max(INITIAL_CAPACITY, buffer.length * 2))];
            System.arraycopy(buffer, start, target, 0, pending);
            buffer = target;
            start = 0;
            end = pending;
        }
        fragment.get(buffer, end, length);
        end += length;
    }

    /** The bytes of buffer held: 0 whenever no partial message is waiting. */
    int capacity() {
        return buffer.length;
    }

    /** True when no partial message is buffered: only then may another content type (CCS, data) arrive. */
    boolean isEmpty() {
        return start == end;
    }

    /** The next complete message, or null when more bytes are needed. */
    HandshakeMessage next() throws SslAlertException {
        int available = end - start;
        if (available < 4) {
            return null;
        }
        int code = buffer[start] & 0xFF;
        HandshakeType type = HandshakeType.fromCode(code);
        if (type == null) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake type " + code);
        }
        int length = ((buffer[start + 1] & 0xFF) << 16) | ((buffer[start + 2] & 0xFF) << 8)
                | (buffer[start + 3] & 0xFF);
        if (length > maxMessageSize) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    type + " of " + length + " bytes exceeds the maximum handshake message size " + maxMessageSize);
        }
        if (available < 4 + length) {
            return null;
        }
        byte[] encoded = Arrays.copyOfRange(buffer, start, start + 4 + length);
        byte[] body = Arrays.copyOfRange(encoded, 4, encoded.length);
        start += encoded.length;
        if (start == end) {
            buffer = EMPTY;
            start = 0;
            end = 0;
        }
        return new HandshakeMessage(type, body, encoded);
    }
}
