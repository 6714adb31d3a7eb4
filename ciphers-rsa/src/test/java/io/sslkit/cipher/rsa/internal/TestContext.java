package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchangeContext;
import io.sslkit.api.spi.WireReader;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * What the handshake would give a key exchange: the SSL 3.0 / TLS 1.0-1.1 "digitally-signed" form for the
 * parameters (RSA over MD5 || SHA-1 of client_random + server_random + params, as a 2-byte vector).
 */
final class TestContext implements KeyExchangeContext {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProtocolVersion version;
    private final int clientHelloVersion;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private TestContext(ProtocolVersion version, int clientHelloVersion, byte[] clientRandom, byte[] serverRandom,
            X509Certificate certificate, PrivateKey privateKey) {
        this.version = version;
        this.clientHelloVersion = clientHelloVersion;
        this.clientRandom = clientRandom;
        this.serverRandom = serverRandom;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A server context and the matching client context of the same handshake. */
    static TestContext[] pair(ProtocolVersion version, TestCredentials credentials) {
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        RANDOM.nextBytes(clientRandom);
        RANDOM.nextBytes(serverRandom);
        int clientHelloVersion = version.wireValue();
        return new TestContext[] {
            new TestContext(version, clientHelloVersion, clientRandom, serverRandom, credentials.certificate(),
                    credentials.keyPair().getPrivate()),
            new TestContext(version, clientHelloVersion, clientRandom, serverRandom, credentials.certificate(), null)
        };
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public int clientHelloVersion() {
        return clientHelloVersion;
    }

    @Override
    public byte[] clientRandom() {
        return clientRandom.clone();
    }

    @Override
    public byte[] serverRandom() {
        return serverRandom.clone();
    }

    @Override
    public SecureRandom random() {
        return RANDOM;
    }

    @Override
    public X509Certificate serverCertificate() {
        return certificate;
    }

    @Override
    public PrivateKey serverPrivateKey() {
        return privateKey;
    }

    @Override
    public byte[] signParameters(byte[] parameters) throws SslAlertException {
        try {
            byte[] signature = new RsaSignature().sign(privateKey, null, hash(parameters), RANDOM);
            byte[] element = new byte[2 + signature.length];
            element[0] = (byte) (signature.length >>> 8);
            element[1] = (byte) signature.length;
            System.arraycopy(signature, 0, element, 2, signature.length);
            return element;
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "signing failed", e);
        }
    }

    @Override
    public void verifyParameters(byte[] parameters, byte[] signatureElement) throws SslAlertException {
        WireReader reader = new WireReader(signatureElement, version);
        byte[] signature = reader.readVector16("signature", 0);
        reader.expectEnd("ServerKeyExchange");
        try {
            if (!new RsaSignature().verify(certificate.getPublicKey(), null, hash(parameters), signature)) {
                throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature");
            }
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature", e);
        }
    }

    @Override
    public int minimumDhBits() {
        return 1024;
    }

    private byte[] hash(byte[] parameters) throws SslAlertException {
        try {
            byte[] out = new byte[36];
            for (String algorithm : new String[] {"MD5", "SHA-1"}) {
                MessageDigest digest = MessageDigest.getInstance(algorithm);
                digest.update(clientRandom);
                digest.update(serverRandom);
                digest.update(parameters);
                byte[] h = digest.digest();
                System.arraycopy(h, 0, out, algorithm.equals("MD5") ? 0 : 16, h.length);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "no MD5/SHA-1", e);
        }
    }
}
