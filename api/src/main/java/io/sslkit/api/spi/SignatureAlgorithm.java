package io.sslkit.api.spi;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * A signature algorithm as SSL/TLS uses it in ServerKeyExchange and CertificateVerify: over a hash the handshake
 * has already computed.
 */
public interface SignatureAlgorithm {
    /** "RSA" or "DSA". */
    String name();

    /** The JCA key algorithm of keys this signs with, e.g. "RSA", "DSA". */
    String keyAlgorithm();

    /** SignatureAlgorithm code of RFC 5246 §7.4.1.4.1: rsa(1), dsa(2). */
    int tlsCode();

    /**
     * Signs a hash.
     *
     * @param hashName null for the SSL 3.0 / TLS 1.0-1.1 form (RSA: the 36 bytes MD5 || SHA-1 with PKCS #1 type 1
     *                 padding and no DigestInfo; DSA: the 20-byte SHA-1 hash); otherwise the TLS 1.2 hash name
     *                 ("SHA", "SHA256", ...) whose value {@code hash} is (RSA then wraps it in a DigestInfo)
     * @return the signature as it goes on the wire (DSA: the DER SEQUENCE of r and s)
     */
    byte[] sign(PrivateKey key, String hashName, byte[] hash, SecureRandom random) throws GeneralSecurityException;

    /** Verifies a signature produced as by {@link #sign}; false for any mismatch, malformed signature included. */
    boolean verify(PublicKey key, String hashName, byte[] hash, byte[] signature) throws GeneralSecurityException;
}
