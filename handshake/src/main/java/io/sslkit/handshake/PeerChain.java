package io.sslkit.handshake;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A peer's certificate chain with what the handshake knows when it arrives, for a {@link PeerVerifier}.
 *
 * @param chain        the chain as received, end-entity first (never empty)
 * @param server       true when the chain is the server's (we are the client), false for a client certificate
 * @param version      the negotiated version
 * @param suite        the negotiated suite
 * @param keyExchange  the suite's key exchange, e.g. RSA, RSA_EXPORT, DHE_DSS, FORTEZZA_KEA (JSSE's server authType)
 * @param keyAlgorithm the end-entity key's algorithm, e.g. RSA, DSA, KEA (JSSE's client authType)
 * @param serverName   the host_name of server_name: the one this client asked for, or the one the client asked this
 *                     server for; null when none
 * @param finding      what sslkit's own checks (PKIX against the configured trust anchors, the host name) found
 *                     wrong, or null when they passed
 * @param reason       a human-readable explanation of {@code finding}, or null
 */
public record PeerChain(List<X509Certificate> chain, boolean server, ProtocolVersion version, CipherSuite suite,
                        String keyExchange, String keyAlgorithm, String serverName, AlertDescription finding,
                        String reason) {
    public PeerChain {
        chain = List.copyOf(chain);
    }
}
