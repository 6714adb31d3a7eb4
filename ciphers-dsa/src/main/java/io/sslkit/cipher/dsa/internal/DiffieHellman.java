package io.sslkit.cipher.dsa.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/** The arithmetic of one party's ephemeral Diffie-Hellman key. */
final class DiffieHellman {
    private static final BigInteger TWO = BigInteger.TWO;

    private final BigInteger p;
    private final BigInteger x;
    private final BigInteger publicValue;

    /**
     * A fresh private value uniform in [2, p-2]. Full-length exponents: the client cannot know the structure of a
     * server's group, and short exponents leak in groups whose p-1 has small factors (van Oorschot-Wiener).
     */
    DiffieHellman(BigInteger p, BigInteger g, SecureRandom random) {
        this.p = p;
        BigInteger upper = p.subtract(TWO);
        BigInteger candidate;
        do {
            candidate = new BigInteger(p.bitLength(), random);
        } while (candidate.compareTo(TWO) < 0 || candidate.compareTo(upper) > 0);
        this.x = candidate;
        this.publicValue = g.modPow(x, p);
    }

    BigInteger publicValue() {
        return publicValue;
    }

    /**
     * The shared secret Z = peer^x mod p as the pre_master_secret: "leading bytes of Z that contain all zero bits
     * are stripped" (RFC 5246 §8.1.2). The caller has checked 1 &lt; peer &lt; p-1.
     */
    byte[] agree(BigInteger peerPublicValue) {
        return unsigned(peerPublicValue.modPow(x, p));
    }

    /** 1 &lt; y &lt; p-1: excludes 0, 1 and p-1, the values that force a known or trivially guessed secret. */
    static boolean isValidPublicValue(BigInteger y, BigInteger p) {
        return y.compareTo(BigInteger.ONE) > 0 && y.compareTo(p.subtract(BigInteger.ONE)) < 0;
    }

    /** Big-endian magnitude without leading zero bytes. */
    static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            return java.util.Arrays.copyOfRange(raw, 1, raw.length);
        }
        return raw;
    }
}
