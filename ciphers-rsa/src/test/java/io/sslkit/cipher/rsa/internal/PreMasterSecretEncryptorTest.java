package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.Test;

class PreMasterSecretEncryptorTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static RSAPublicKey publicKey(BigInteger n) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(65537)));
    }

    @Test
    void encryptsToExactlyTheModulusLength() throws Exception {
        RSAPublicKey key = (RSAPublicKey) TestCredentials.rsa(1024).keyPair().getPublic();
        byte[] secret = PreMasterSecretEncryptor.newPreMasterSecret(0x0303, RANDOM);
        assertEquals(128, PreMasterSecretEncryptor.encrypt(key, secret, RANDOM).length);
    }

    /**
     * A certificate whose RSA modulus has a small prime factor (the JDK's KeyFactory accepts it) ends the handshake
     * with bad_certificate, not with the IllegalArgumentException that the encryption would throw.
     */
    @Test
    void certificateKeyWithASmallFactorIsABadCertificate() throws Exception {
        RSAPublicKey key = publicKey(BigInteger.valueOf(3).multiply(BigInteger.probablePrime(1022, RANDOM)));
        byte[] secret = PreMasterSecretEncryptor.newPreMasterSecret(0x0303, RANDOM);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> PreMasterSecretEncryptor.encrypt(key, secret, RANDOM));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert());
    }
}
