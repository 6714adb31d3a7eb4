package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import io.sslkit.api.spi.WireReader;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/**
 * The client's half of RSA and RSA_EXPORT: picks the key to encrypt under (certificate key, or RSA_EXPORT's signed
 * temporary key) and sends the encrypted pre_master_secret.
 */
final class RsaClient implements KeyExchange.Client {
    /** The RSA_EXPORT limit (RFC 2246 §7.4.3): keys of at most 512 bits may encrypt directly. */
    private static final int EXPORT_KEY_BITS = TemporaryRsaKeyCache.EXPORT_KEY_BITS;

    private final KeyExchangeContext context;
    private final boolean exportable;
    private RSAPublicKey encryptionKey;
    private byte[] preMasterSecret;

    RsaClient(KeyExchangeContext context, boolean exportable) {
        this.context = context;
        this.exportable = exportable;
    }

    @Override
    public void processServerKeyExchange(byte[] body) throws SslAlertException {
        RSAPublicKey certificateKey = certificateKey();
        boolean shortCertificateKey = certificateKey.getModulus().bitLength() <= EXPORT_KEY_BITS;
        if (body == null) {
            if (exportable && !shortCertificateKey) {
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "RSA_EXPORT with a "
                        + certificateKey.getModulus().bitLength() + "-bit certificate key needs a temporary key");
            }
            encryptionKey = certificateKey;
            return;
        }
        // RFC 2246 §7.4.3: no ServerKeyExchange for RSA, nor for RSA_EXPORT with a key of at most 512 bits.
        if (!exportable || shortCertificateKey) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "ServerKeyExchange is not allowed for this RSA key exchange");
        }
        WireReader reader = new WireReader(body, context.version());
        ServerRsaParams params = ServerRsaParams.read(body, reader);
        context.verifyParameters(params.encoded(), reader.rest());
        encryptionKey = temporaryKey(params);
    }

    @Override
    public byte[] clientKeyExchange() throws SslAlertException {
        if (encryptionKey == null) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "ClientKeyExchange built before ServerKeyExchange was processed");
        }
        preMasterSecret = PreMasterSecretEncryptor.newPreMasterSecret(context.clientHelloVersion(), context.random());
        byte[] ciphertext = PreMasterSecretEncryptor.encrypt(encryptionKey, preMasterSecret, context.random());
        return EncryptedPreMasterSecret.encode(context.version(), ciphertext);
    }

    @Override
    public byte[] preMasterSecret() {
        if (preMasterSecret == null) {
            throw new IllegalStateException("no pre_master_secret before clientKeyExchange()");
        }
        return preMasterSecret.clone();
    }

    private RSAPublicKey certificateKey() throws SslAlertException {
        PublicKey key = context.serverCertificate() == null ? null : context.serverCertificate().getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new SslAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "the RSA key exchange needs a server certificate with an RSA key");
        }
        return rsa;
    }

    private static RSAPublicKey temporaryKey(ServerRsaParams params) throws SslAlertException {
        BigInteger n = params.rsaModulus();
        BigInteger e = params.rsaExponent();
        if (n.bitLength() > EXPORT_KEY_BITS) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "temporary RSA key of " + n.bitLength() + " bits exceeds the export limit of 512");
        }
        // A PKCS #1 block needs 11 bytes of overhead around the 48-byte secret; an even modulus is no RSA modulus.
        if ((n.bitLength() + 7) / 8 < PreMasterSecretDecryptor.PRE_MASTER_SECRET_LENGTH + 11 || !n.testBit(0)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "unusable temporary RSA modulus");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "unusable temporary RSA exponent");
        }
        PreMasterSecretEncryptor.usableKey(n, e, AlertDescription.ILLEGAL_PARAMETER, "the temporary RSA key");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (java.security.GeneralSecurityException ex) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "unusable temporary RSA key", ex);
        }
    }
}
