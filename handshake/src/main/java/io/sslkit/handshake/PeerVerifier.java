package io.sslkit.handshake;

import io.sslkit.api.SslAlertException;

/**
 * The application's decision on a peer's certificate chain, called for every chain a peer sends (unlike
 * {@link CertificateCheck}, which only hears of failures). When one is configured it alone decides: sslkit's own
 * finding is passed along in {@link PeerChain#finding()} for it to weigh. A key that the negotiated suite cannot use
 * is refused before the verifier is asked (unsupported_certificate), since no decision can make it work.
 */
@FunctionalInterface
public interface PeerVerifier {
    /**
     * @throws SslAlertException to refuse the chain; its alert (e.g. unknown_ca, certificate_expired,
     *                           bad_certificate, certificate_unknown) is what the peer receives
     */
    void verify(PeerChain peer) throws SslAlertException;
}
