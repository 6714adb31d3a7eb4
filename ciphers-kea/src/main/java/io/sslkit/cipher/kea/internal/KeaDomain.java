package io.sslkit.cipher.kea.internal;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;

/**
 * KEA domain parameters: a 1024-bit prime p, a 160-bit prime q dividing p-1, and a generator g of the order-q
 * subgroup (SKIPJACK and KEA Algorithm Specifications v2.0, §II.C).
 */
public final class KeaDomain {
    public static final int P_BITS = 1024;
    public static final int Q_BITS = 160;

    /** Miller-Rabin rounds: error below 2^-100 for the primality of p and q. */
    private static final int PRIME_CERTAINTY = 100;

    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger g;

    private KeaDomain(BigInteger p, BigInteger q, BigInteger g) {
        this.p = p;
        this.q = q;
        this.g = g;
    }

    /** Checks everything the agreement relies on: sizes, primality, q | p-1, and that g has order q. */
    public static KeaDomain of(BigInteger p, BigInteger q, BigInteger g) throws InvalidAlgorithmParameterException {
        if (p.bitLength() != P_BITS || q.bitLength() != Q_BITS) {
            throw new InvalidAlgorithmParameterException("KEA needs a " + P_BITS + "-bit p and a " + Q_BITS
                    + "-bit q, got " + p.bitLength() + " and " + q.bitLength());
        }
        if (!q.isProbablePrime(PRIME_CERTAINTY) || !p.isProbablePrime(PRIME_CERTAINTY)) {
            throw new InvalidAlgorithmParameterException("KEA p and q must be prime");
        }
        if (p.subtract(BigInteger.ONE).mod(q).signum() != 0) {
            throw new InvalidAlgorithmParameterException("KEA q must divide p-1");
        }
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p) >= 0 || !g.modPow(q, p).equals(BigInteger.ONE)) {
            throw new InvalidAlgorithmParameterException("KEA g must generate the subgroup of order q");
        }
        return new KeaDomain(p, q, g);
    }

    public BigInteger p() {
        return p;
    }

    public BigInteger q() {
        return q;
    }

    public BigInteger g() {
        return g;
    }

    /** The same p, q and g: two parties can only agree on a key within one domain. */
    public boolean sameAs(KeaDomain other) {
        return other == this || (p.equals(other.p) && q.equals(other.q) && g.equals(other.g));
    }

    /**
     * The validity test the specification demands of every public value received, static or ephemeral:
     * 1 &lt; Y &lt; p and Y^q mod p = 1, i.e. Y lies in the order-q subgroup (no small-subgroup confinement).
     */
    public boolean isValidPublicValue(BigInteger y) {
        return y != null && y.compareTo(BigInteger.ONE) > 0 && y.compareTo(p) < 0
                && y.modPow(q, p).equals(BigInteger.ONE);
    }
}
