package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The server's half of RSA and RSA_EXPORT. Without a temporary key the certificate's key decrypts; with one
 * (RSA_EXPORT and a certificate key over 512 bits) the temporary key does.
 */
final class RsaServer implements KeyExchange.Server {
    private final KeyExchangeContext context;
    private final TemporaryRsaKeyCache temporaryKeys;
    private RsaPrivateOperation decryptionKey;

    /** @param temporaryKeys null for the plain RSA exchange */
    RsaServer(KeyExchangeContext context, TemporaryRsaKeyCache temporaryKeys) {
        this.context = context;
        this.temporaryKeys = temporaryKeys;
    }

    @Override
    public byte[] serverKeyExchange() throws SslAlertException {
        RSAPublicKey certificateKey = certificateKey();
        int certificateBits = certificateKey.getModulus().bitLength();
        if (temporaryKeys == null || certificateBits <= TemporaryRsaKeyCache.EXPORT_KEY_BITS) {
            decryptionKey = operation(context.serverPrivateKey(), certificateKey);
            return null;
        }
        KeyPair temporary = temporaryKeys.get();
        RSAPublicKey temporaryPublic = (RSAPublicKey) temporary.getPublic();
        decryptionKey = operation(temporary.getPrivate(), temporaryPublic);
        byte[] params = ServerRsaParams.of(temporaryPublic).encoded();
        byte[] signature = context.signParameters(params);
        byte[] body = new byte[params.length + signature.length];
        System.arraycopy(params, 0, body, 0, params.length);
        System.arraycopy(signature, 0, body, params.length, signature.length);
        return body;
    }

    @Override
    public byte[] processClientKeyExchange(byte[] body) throws SslAlertException {
        if (decryptionKey == null) {
            // A handshake that skipped serverKeyExchange() can only have meant "no temporary key".
            RSAPublicKey certificateKey = certificateKey();
            if (temporaryKeys != null
                    && certificateKey.getModulus().bitLength() > TemporaryRsaKeyCache.EXPORT_KEY_BITS) {
                throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                        "RSA_EXPORT with a long certificate key needs serverKeyExchange() first");
            }
            decryptionKey = operation(context.serverPrivateKey(), certificateKey);
        }
        byte[] ciphertext = EncryptedPreMasterSecret.decode(context.version(), body, decryptionKey.modulusLength());
        return PreMasterSecretDecryptor.decrypt(decryptionKey, ciphertext, context.clientHelloVersion(),
                context.random());
    }

    private RSAPublicKey certificateKey() throws SslAlertException {
        PublicKey key = context.serverCertificate() == null ? null : context.serverCertificate().getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "the RSA key exchange needs a server certificate with an RSA key");
        }
        return rsa;
    }

    private static RsaPrivateOperation operation(java.security.PrivateKey key, RSAPublicKey publicKey)
            throws SslAlertException {
        try {
            return new RsaPrivateOperation(key, publicKey.getPublicExponent());
        } catch (InvalidKeyException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "unusable RSA private key", e);
        }
    }
}
