package io.sslkit.cipher.kea.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A KEA key pair, static (x, Y = g^x mod p) or ephemeral (r, R = g^r mod p): the two have the same form, and the
 * specification uses the pair of them on each side.
 */
public final class KeaKeyPair {
    private final KeaDomain domain;
    private final BigInteger privateValue;
    private final BigInteger publicValue;

    private KeaKeyPair(KeaDomain domain, BigInteger privateValue, BigInteger publicValue) {
        this.domain = domain;
        this.privateValue = privateValue;
        this.publicValue = publicValue;
    }

    /** A private value uniform in [1, q-1] and its public value. */
    public static KeaKeyPair generate(KeaDomain domain, SecureRandom random) {
        BigInteger q = domain.q();
        BigInteger x;
        do {
            x = new BigInteger(q.bitLength(), random);
        } while (x.signum() == 0 || x.compareTo(q) >= 0);
        return new KeaKeyPair(domain, x, domain.g().modPow(x, domain.p()));
    }

    /** A pair from a stored private value (e.g. a static key from a key store). */
    public static KeaKeyPair of(KeaDomain domain, BigInteger privateValue) {
        if (privateValue.signum() <= 0 || privateValue.compareTo(domain.q()) >= 0) {
            throw new IllegalArgumentException("KEA private value out of [1, q-1]");
        }
        return new KeaKeyPair(domain, privateValue, domain.g().modPow(privateValue, domain.p()));
    }

    public KeaDomain domain() {
        return domain;
    }

    public BigInteger publicValue() {
        return publicValue;
    }

    BigInteger privateValue() {
        return privateValue;
    }

    /** Never prints the private value. */
    @Override
    public String toString() {
        return "KeaKeyPair[public=" + publicValue.toString(16) + "]";
    }
}
