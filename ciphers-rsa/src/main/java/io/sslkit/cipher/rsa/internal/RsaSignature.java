package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.spi.SignatureAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) over a hash the handshake computed. Verification re-encodes the expected block
 * and compares it whole, instead of parsing the decrypted block, so no lenient parser can be fooled by
 * Bleichenbacher's 2006 signature forgery.
 */
public final class RsaSignature implements SignatureAlgorithm {
    /** MD5 (16) || SHA-1 (20): the SSL 3.0 / TLS 1.0-1.1 signed value (RFC 5246 §7.4.3, "digitally-signed"). */
    static final int MD5_SHA1_LENGTH = 36;

    /** RFC 8017 §9.2 step 3: at least 8 bytes of 0xff padding. */
    private static final int MIN_PADDING = 8;

    /** One entry, replaced whole: racing threads at worst prepare the same key twice. */
    private volatile SigningKey lastKey;

    @Override
    public String name() {
        return "RSA";
    }

    @Override
    public String keyAlgorithm() {
        return "RSA";
    }

    @Override
    public int tlsCode() {
        return 1;
    }

    @Override
    public byte[] sign(PrivateKey key, String hashName, byte[] hash, SecureRandom random)
            throws GeneralSecurityException {
        RsaPrivateOperation op = operationFor(key);
        byte[] encoded = encodeSignedValue(hashName, hash);
        byte[] em = emsaPkcs1(encoded, op.modulusLength());
        return op.apply(new BigInteger(1, em), random);
    }

    /**
     * The operation for {@code key}, reused while the same key object keeps signing (a server's one certificate key):
     * preparing it translates the key for the JDK, which is worth doing once, not per signature.
     */
    private RsaPrivateOperation operationFor(PrivateKey key) throws InvalidKeyException {
        SigningKey last = lastKey;
        if (last != null && last.key() == key) {
            return last.operation();
        }
        RsaPrivateOperation op = new RsaPrivateOperation(key, null);
        lastKey = new SigningKey(key, op);
        return op;
    }

    private record SigningKey(PrivateKey key, RsaPrivateOperation operation) {
    }

    @Override
    public boolean verify(PublicKey key, String hashName, byte[] hash, byte[] signature)
            throws GeneralSecurityException {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new InvalidKeyException("not an RSA public key: " + (key == null ? null : key.getAlgorithm()));
        }
        byte[] encoded = encodeSignedValue(hashName, hash);
        BigInteger n = rsa.getModulus();
        int k = (n.bitLength() + 7) / 8;
        // RFC 8017 §8.2.2 step 1: a signature is exactly k bytes.
        if (signature == null || signature.length != k) {
            return false;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(n) >= 0) {
            return false;
        }
        byte[] expected;
        try {
            expected = emsaPkcs1(encoded, k);
        } catch (SignatureException e) {
            return false;
        }
        byte[] em = RsaPrivateOperation.toFixedLength(s.modPow(rsa.getPublicExponent(), n), k);
        return MessageDigest.isEqual(em, expected);
    }

    /** T of RFC 8017 §9.2: the DigestInfo, or the bare 36 bytes for the pre-TLS 1.2 form. */
    private static byte[] encodeSignedValue(String hashName, byte[] hash) throws SignatureException {
        if (hash == null) {
            throw new SignatureException("no hash to sign");
        }
        if (hashName == null) {
            if (hash.length != MD5_SHA1_LENGTH) {
                throw new SignatureException("the MD5 || SHA-1 form needs 36 bytes, got " + hash.length);
            }
            return hash.clone();
        }
        DigestInfoPrefix prefix = DigestInfoPrefix.forHashName(hashName);
        if (prefix == null) {
            throw new SignatureException("no DigestInfo for hash " + hashName);
        }
        if (hash.length != prefix.hashLength()) {
            throw new SignatureException(hashName + " hash must be " + prefix.hashLength() + " bytes, got "
                    + hash.length);
        }
        return prefix.wrap(hash);
    }

    /** EM = 0x00 || 0x01 || PS (0xff...) || 0x00 || T (RFC 8017 §9.2 steps 3-5, block type 1). */
    static byte[] emsaPkcs1(byte[] t, int k) throws SignatureException {
        if (k < t.length + 3 + MIN_PADDING) {
            throw new SignatureException("RSA key too short for a " + t.length + "-byte signed value");
        }
        byte[] em = new byte[k];
        em[1] = 0x01;
        Arrays.fill(em, 2, k - t.length - 1, (byte) 0xff);
        System.arraycopy(t, 0, em, k - t.length, t.length);
        return em;
    }
}
