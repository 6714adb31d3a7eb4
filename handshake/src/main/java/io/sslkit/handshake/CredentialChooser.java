package io.sslkit.handshake;

import io.sslkit.api.SslAlertException;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Picks this side's certificate at the moment the handshake needs one, when what the peer asked for is known
 * (where JSSE consults its X509KeyManager). Without a chooser the configured {@link SslConfig#credentials()} serve.
 */
public interface CredentialChooser {
    /**
     * Server, on ClientHello: the credentials to choose among, at most one per key algorithm is useful.
     *
     * @param keyAlgorithms the key algorithms (RSA, DSA, KEA ...) that the suites both sides could use need, in the
     *                      order of our suite preference
     * @param serverName    the host_name the client asked for (server_name), or null
     * @return the usable credentials; empty when none fits (the handshake then fails with handshake_failure)
     * @throws SslAlertException to end the handshake with that alert, e.g. unrecognized_name for a refused name
     */
    List<SslConfig.Credential> serverCredentials(Set<String> keyAlgorithms, String serverName)
            throws SslAlertException;

    /**
     * Client, on CertificateRequest.
     *
     * @param keyAlgorithms          the key algorithms of the certificate types the server accepts and sslkit can
     *                               use here, in the server's order
     * @param certificateAuthorities the CA names the server sent; empty means any
     * @return the credential to send, or null to send none
     */
    SslConfig.Credential clientCredential(Set<String> keyAlgorithms, List<X500Principal> certificateAuthorities)
            throws SslAlertException;
}
