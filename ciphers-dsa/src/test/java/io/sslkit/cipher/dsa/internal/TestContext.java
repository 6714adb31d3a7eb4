package io.sslkit.cipher.dsa.internal;

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
 * What the handshake would give a key exchange: the SSL 3.0 / TLS 1.0-1.1 "digitally-signed" DSA form for the
 * parameters (DSA over SHA-1 of client_random + server_random + params, as a 2-byte vector).
 */
final class TestContext implements KeyExchangeContext {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProtocolVersion version;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final int minimumDhBits;

    private TestContext(ProtocolVersion version, byte[] clientRandom, byte[] serverRandom,
            X509Certificate certificate, PrivateKey privateKey, int minimumDhBits) {
        this.version = version;
        this.clientRandom = clientRandom;
        this.serverRandom = serverRandom;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.minimumDhBits = minimumDhBits;
    }

    /** A server context and the matching client context of the same handshake. */
    static TestContext[] pair(ProtocolVersion version, TestCredentials credentials, int minimumDhBits) {
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        RANDOM.nextBytes(clientRandom);
        RANDOM.nextBytes(serverRandom);
        return new TestContext[] {
            new TestContext(version, clientRandom, serverRandom, credentials.certificate(),
                    credentials.keyPair().getPrivate(), minimumDhBits),
            new TestContext(version, clientRandom, serverRandom, credentials.certificate(), null, minimumDhBits)
        };
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public int clientHelloVersion() {
        return version.wireValue();
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
            return Vectors.vector16(new DsaSignature().sign(privateKey, null, hash(parameters), RANDOM));
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
            if (!new DsaSignature().verify(certificate.getPublicKey(), null, hash(parameters), signature)) {
                throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature");
            }
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature", e);
        }
    }

    @Override
    public int minimumDhBits() {
        return minimumDhBits;
    }

    private byte[] hash(byte[] parameters) throws GeneralSecurityException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(clientRandom);
        sha1.update(serverRandom);
        sha1.update(parameters);
        return sha1.digest();
    }
}
