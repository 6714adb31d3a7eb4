package io.sslkit.api.spi;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/** What the handshake tells a {@link KeyExchange} about the handshake in progress. */
public interface KeyExchangeContext {
    /** The negotiated version. */
    ProtocolVersion version();

    /** ClientHello.client_version, which the RSA pre_master_secret carries. */
    int clientHelloVersion();

    byte[] clientRandom();

    byte[] serverRandom();

    SecureRandom random();

    /** The server's end-entity certificate (on the client: as received and already checked). */
    X509Certificate serverCertificate();

    /** The server's private key; null on the client. */
    PrivateKey serverPrivateKey();

    /**
     * Signs ServerKeyExchange parameters as the negotiated version requires (hashes with the randoms; in TLS 1.2 the
     * SignatureAndHashAlgorithm prefix) and returns the encoded signature element to append to the parameters.
     */
    byte[] signParameters(byte[] parameters) throws SslAlertException;

    /**
     * Verifies the signature element that followed {@code parameters} in a ServerKeyExchange against the server
     * certificate; throws decrypt_error / decode_error / illegal_parameter as fits.
     */
    void verifyParameters(byte[] parameters, byte[] signatureElement) throws SslAlertException;

    /** The client's end-entity certificate when it authenticates (Fortezza takes its KEA key from it), else null. */
    default X509Certificate clientCertificate() {
        return null;
    }

    /** The client's private key on the client when it authenticates, else null. */
    default PrivateKey clientPrivateKey() {
        return null;
    }

    /** The negotiated suite's bulk cipher name, e.g. "SKIPJACK_CBC". */
    default String bulkCipherName() {
        return null;
    }

    /** The smallest Diffie-Hellman prime, in bits, that the policy accepts. */
    int minimumDhBits();
}
