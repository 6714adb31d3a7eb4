package io.sslkit.record.internal;

/** Big-endian (network order) integer encoding, as every length and number on the wire uses. */
final class Bytes {
    private Bytes() {
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
