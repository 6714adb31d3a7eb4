package io.sslkit.cipher.rsa.internal;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * The raw RSA private-key operation m = c^d mod n, always blinded so that its timing does not depend on the input
 * (Kocher; Brumley-Boneh against OpenSSL's unblinded CRT).
 */
final class RsaPrivateOperation {
    private final RSAPrivateKey key;
    private final BigInteger publicExponent;
    private final int modulusLength;

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
    }

    BigInteger modulus() {
        return key.getModulus();
    }

    /** The modulus length k in bytes (RFC 8017 §2). */
    int modulusLength() {
        return modulusLength;
    }

    /** Applies the private key to {@code input} (0 &lt;= input &lt; n) and returns the result as k bytes. */
    byte[] apply(BigInteger input, SecureRandom random) {
        BigInteger n = key.getModulus();
        if (input.signum() < 0 || input.compareTo(n) >= 0) {
            throw new IllegalArgumentException("RSA input out of range");
        }
        BigInteger result;
        if (key instanceof RSAPrivateCrtKey crt && crt.getPrimeP() != null) {
            // Bouncy Castle blinds CRT keys and checks the CRT result against the public key (fault attacks).
            RSABlindedEngine engine = new RSABlindedEngine();
            engine.init(false, new ParametersWithRandom(new RSAPrivateCrtKeyParameters(n, crt.getPublicExponent(),
                    crt.getPrivateExponent(), crt.getPrimeP(), crt.getPrimeQ(), crt.getPrimeExponentP(),
                    crt.getPrimeExponentQ(), crt.getCrtCoefficient()), random));
            byte[] in = toFixedLength(input, modulusLength);
            result = new BigInteger(1, engine.processBlock(in, 0, in.length));
        } else {
            BigInteger r;
            do {
                r = new BigInteger(n.bitLength(), random);
            } while (r.signum() == 0 || r.compareTo(n) >= 0 || !r.gcd(n).equals(BigInteger.ONE));
            BigInteger blinded = input.multiply(r.modPow(publicExponent, n)).mod(n);
            result = blinded.modPow(key.getPrivateExponent(), n).multiply(r.modInverse(n)).mod(n);
        }
        return toFixedLength(result, modulusLength);
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
