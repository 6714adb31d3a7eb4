package io.sslkit.cipher.kea.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * KEA public values on the wire: r_s, r_c and y_c are fixed 128-byte vectors (RFC 6101 §5.6.3, §5.6.7), i.e. the
 * 1024-bit number unsigned, big-endian, left-padded with zeros.
 */
final class PublicValues {
    static final int LENGTH = KeaDomain.P_BITS / 8;

    private PublicValues() {
    }

    static byte[] encode(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > LENGTH * 8) {
            throw new IllegalArgumentException("not a " + KeaDomain.P_BITS + "-bit unsigned value");
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[LENGTH];
        int copy = Math.min(raw.length, LENGTH);
        System.arraycopy(raw, raw.length - copy, out, LENGTH - copy, copy);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    static BigInteger decode(byte[] fixed) {
        return new BigInteger(1, fixed);
    }
}
