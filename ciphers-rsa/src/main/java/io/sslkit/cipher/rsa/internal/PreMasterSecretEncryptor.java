package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** The client's side: the 48-byte PreMasterSecret and its RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1). */
final class PreMasterSecretEncryptor {
    private PreMasterSecretEncryptor() {
    }

    /** PreMasterSecret { ProtocolVersion client_version; opaque random[46]; } (RFC 5246 §7.4.7.1). */
    static byte[] newPreMasterSecret(int clientVersion, SecureRandom random) {
        byte[] secret = new byte[PreMasterSecretDecryptor.PRE_MASTER_SECRET_LENGTH];
        random.nextBytes(secret);
        secret[0] = (byte) (clientVersion >>> 8);
        secret[1] = (byte) clientVersion;
        return secret;
    }

    /**
     * The encryption's own check of a public key (Bouncy Castle refuses a modulus that is even or has a small prime
     * factor), as {@code alert}, so that such a key ends the handshake with an alert rather than an exception.
     */
    static RSAKeyParameters usableKey(BigInteger modulus, BigInteger exponent, AlertDescription alert, String what)
            throws SslAlertException {
        try {
            return new RSAKeyParameters(false, modulus, exponent);
        } catch (IllegalArgumentException e) {
            throw new SslAlertException(alert, what + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The ciphertext, exactly k bytes long. */
    static byte[] encrypt(RSAPublicKey key, byte[] preMasterSecret, SecureRandom random) throws SslAlertException {
        // A temporary RSA_EXPORT key was checked when it arrived (illegal_parameter), so this is the certificate's.
        RSAKeyParameters publicKey = usableKey(key.getModulus(), key.getPublicExponent(),
                AlertDescription.BAD_CERTIFICATE, "the server's RSA key");
        PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSAEngine());
        pkcs1.init(true, new ParametersWithRandom(publicKey, random));
        try {
            byte[] ciphertext = pkcs1.processBlock(preMasterSecret, 0, preMasterSecret.length);
            int k = (key.getModulus().bitLength() + 7) / 8;
            if (ciphertext.length != k) {
                throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                        "RSA encryption produced " + ciphertext.length + " bytes for a " + k + "-byte modulus");
            }
            return ciphertext;
        } catch (InvalidCipherTextException | org.bouncycastle.crypto.DataLengthException e) {
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "server RSA key too short to carry the pre_master_secret", e);
        }
    }
}
