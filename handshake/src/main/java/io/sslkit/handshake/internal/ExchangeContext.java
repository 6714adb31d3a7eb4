package io.sslkit.handshake.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchangeContext;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * The handshake as a key exchange module sees it. Signing and verifying ServerKeyExchange parameters happen here,
 * per version: the signed data is ClientHello.random + ServerHello.random + params (RFC 6101 §5.6.3, RFC 5246
 * §7.4.3).
 */
final class ExchangeContext implements KeyExchangeContext {
    private final ProtocolVersion version;
    private final int clientHelloVersion;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final SecureRandom random;
    private final X509Certificate serverCertificate;
    private final PrivateKey serverPrivateKey;
    private final Digests digests;
    private final AlgorithmRegistry registry;
    private final int[] peerSignatureAlgorithms;
    private final int minimumDhBits;
    private final String bulkCipherName;
    /** Test-only fuzzer mode (Connection.enableFuzzerMode): the ServerKeyExchange signature's result is ignored. */
    private final boolean fuzzerMode;
    private X509Certificate clientCertificate;
    private PrivateKey clientPrivateKey;

    /**
     * @param peerSignatureAlgorithms TLS 1.2: on the server the client's signature_algorithms (null when absent), on
     *                                the client the list we offered
     */
    ExchangeContext(ProtocolVersion version, int clientHelloVersion, byte[] clientRandom, byte[] serverRandom,
                    SecureRandom random, X509Certificate serverCertificate, PrivateKey serverPrivateKey,
                    Digests digests, AlgorithmRegistry registry, int[] peerSignatureAlgorithms, int minimumDhBits,
                    String bulkCipherName, boolean fuzzerMode) {
        this.version = version;
        this.clientHelloVersion = clientHelloVersion;
        this.clientRandom = clientRandom.clone();
        this.serverRandom = serverRandom.clone();
        this.random = random;
        this.serverCertificate = serverCertificate;
        this.serverPrivateKey = serverPrivateKey;
        this.digests = digests;
        this.registry = registry;
        this.peerSignatureAlgorithms = peerSignatureAlgorithms;
        this.minimumDhBits = minimumDhBits;
        this.bulkCipherName = bulkCipherName;
        this.fuzzerMode = fuzzerMode;
    }

    /**
     * The client's certificate (and, on the client, its key) once known: after the client's Certificate on the
     * server, after choosing a credential on the client; both before the ClientKeyExchange.
     */
    void clientCredential(X509Certificate certificate, PrivateKey key) {
        this.clientCertificate = certificate;
        this.clientPrivateKey = key;
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
        return random;
    }

    @Override
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    @Override
    public PrivateKey serverPrivateKey() {
        return serverPrivateKey;
    }

    private boolean tls12() {
        return version == ProtocolVersion.TLS_1_2;
    }

    @Override
    public byte[] signParameters(byte[] parameters) throws SslAlertException {
        byte[] signed = Bytes.concat(clientRandom, serverRandom, parameters);
        byte[] legacy = tls12() ? null
                : Signatures.legacyParamsHash(digests, serverPrivateKey.getAlgorithm(), signed);
        return Signatures.sign(digests, registry, serverPrivateKey, tls12(), peerSignatureAlgorithms, signed, legacy,
                random).encode();
    }

    @Override
    public void verifyParameters(byte[] parameters, byte[] signatureElement) throws SslAlertException {
        DigitallySigned s = DigitallySigned.decode(signatureElement, tls12(), "ServerKeyExchange");
        byte[] signed = Bytes.concat(clientRandom, serverRandom, parameters);
        String keyAlgorithm = KeyAlgorithms.of(serverCertificate);
        byte[] legacy = tls12() ? null : Signatures.legacyParamsHash(digests, keyAlgorithm, signed);
        Signatures.verify(digests, registry, serverCertificate.getPublicKey(), tls12(), peerSignatureAlgorithms, s,
                signed, legacy, "ServerKeyExchange", fuzzerMode);
    }

    @Override
    public int minimumDhBits() {
        return minimumDhBits;
    }
}
