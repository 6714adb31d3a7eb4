package io.sslkit.handshake;

import io.sslkit.api.AlertDescription;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Lets an application see why a peer's certificate chain failed the checks and decide whether to continue anyway
 * (the "user is warned" of the handshake's step 3). Without a hook every problem ends the handshake. An application
 * that decides on every chain, or names the alert itself, uses a {@link PeerVerifier} instead.
 */
@FunctionalInterface
public interface CertificateCheck {
    /**
     * Called once per failed check, before the alert is sent.
     *
     * @param chain   the peer's chain as received, end-entity first
     * @param problem the alert the failure would end in, e.g. certificate_expired
     * @param reason  a human-readable explanation
     * @return true to continue the handshake despite the problem, false to send the alert
     */
    boolean accept(List<X509Certificate> chain, AlertDescription problem, String reason);

    /** The default: refuse whatever failed. */
    CertificateCheck REFUSE = (chain, problem, reason) -> false;
}
