package io.sslkit.cipher.kea.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchangeContext;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * What the handshake gives FORTEZZA_KEA, one side of one handshake. ServerKeyExchange is unsigned in Fortezza, so
 * the signing methods must never be called.
 */
final class TestContext implements KeyExchangeContext {
    static final SecureRandom RANDOM = new SecureRandom();

    ProtocolVersion version = ProtocolVersion.SSL_3_0;
    String bulkCipherName;
    X509Certificate serverCertificate;
    PrivateKey serverPrivateKey;
    X509Certificate clientCertificate;
    PrivateKey clientPrivateKey;
    private final byte[] clientRandom;
    private final byte[] serverRandom;

    private TestContext(byte[] clientRandom, byte[] serverRandom) {
        this.clientRandom = clientRandom;
        this.serverRandom = serverRandom;
    }

    /**
     * The server's and the client's context of one handshake. The server sees the client's certificate only (the
     * client's key stays on the client); the client sees the server's certificate only.
     */
    static TestContext[] pair(String bulkCipher, X509Certificate serverCertificate, PrivateKey serverKey,
            X509Certificate clientCertificate, PrivateKey clientKey) {
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        RANDOM.nextBytes(clientRandom);
        RANDOM.nextBytes(serverRandom);
        TestContext server = new TestContext(clientRandom, serverRandom);
        server.bulkCipherName = bulkCipher;
        server.serverCertificate = serverCertificate;
        server.serverPrivateKey = serverKey;
        server.clientCertificate = clientCertificate;
        TestContext client = new TestContext(clientRandom, serverRandom);
        client.bulkCipherName = bulkCipher;
        client.serverCertificate = serverCertificate;
        client.clientCertificate = clientCertificate;
        client.clientPrivateKey = clientKey;
        return new TestContext[] {server, client};
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
        return serverCertificate;
    }

    @Override
    public PrivateKey serverPrivateKey() {
        return serverPrivateKey;
    }

    @Override
    public X509Certificate clientCertificate() {
        return clientCertificate;
    }

    @Override
    public PrivateKey clientPrivateKey() {
        return clientPrivateKey;
    }

    @Override
    public String bulkCipherName() {
        return bulkCipherName;
    }

    @Override
    public byte[] signParameters(byte[] parameters) {
        throw new AssertionError("ServerFortezzaParams are not signed");
    }

    @Override
    public void verifyParameters(byte[] parameters, byte[] signatureElement) throws SslAlertException {
        throw new AssertionError("ServerFortezzaParams are not signed");
    }

    @Override
    public int minimumDhBits() {
        return 1024;
    }
}
