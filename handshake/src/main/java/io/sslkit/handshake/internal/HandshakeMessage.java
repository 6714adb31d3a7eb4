package io.sslkit.handshake.internal;

/**
 * One complete handshake message: its type, its body and the exact bytes (4-byte header included) that enter the
 * transcript hashes.
 */
record HandshakeMessage(HandshakeType type, byte[] body, byte[] encoded) {

    static HandshakeMessage of(HandshakeType type, byte[] body) {
        byte[] encoded = new byte[4 + body.length];
        encoded[0] = (byte) type.code();
        encoded[1] = (byte) (body.length >>> 16);
        encoded[2] = (byte) (body.length >>> 8);
        encoded[3] = (byte) body.length;
        System.arraycopy(body, 0, encoded, 4, body.length);
        return new HandshakeMessage(type, body, encoded);
    }
}
