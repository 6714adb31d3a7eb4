package io.sslkit.cipher.dsa.internal;

/** Writing TLS vectors with a 2-byte length (RFC 5246 §4.3). */
final class Vectors {
    private Vectors() {
    }

    /** Writes {@code value} with its length at {@code offset}; returns the offset after it. */
    static int put16(byte[] out, int offset, byte[] value) {
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("vector of " + value.length + " bytes exceeds 2^16-1");
        }
        out[offset] = (byte) (value.length >>> 8);
        out[offset + 1] = (byte) value.length;
        System.arraycopy(value, 0, out, offset + 2, value.length);
        return offset + 2 + value.length;
    }

    static byte[] vector16(byte[] value) {
        byte[] out = new byte[2 + value.length];
        put16(out, 0, value);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
