package io.sslkit.cipher.kea;

import io.sslkit.cipher.kea.internal.KeaCertificateIssuer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A FORTEZZA_KEA credential made on the spot: a static KEA key pair and its X.509 certificate (RFC 2528 key form),
 * issued by a fresh DSS certificate authority whose 1024/160 domain the KEA key shares, as Fortezza cards did. For
 * the {@code sslkit} command's default server credentials and for tests; a KEA key cannot sign, so the certificate
 * always comes with its issuer.
 */
public final class KeaCredentials {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private KeaCredentials(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Generates a KEA key pair, a DSS issuer and the certificate chain.
     *
     * @param commonName the subject's CN, e.g. "localhost"
     */
    public static KeaCredentials generate(String commonName, SecureRandom random) throws GeneralSecurityException {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(random, "random");
        KeaCertificateIssuer.Issued issued = KeaCertificateIssuer.issue(commonName, random);
        return new KeaCredentials(issued.privateKey(), List.of(issued.certificate(), issued.issuer()));
    }

    /** The static KEA private key (algorithm "KEA"), as the handshake passes it to the key exchange. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The end-entity certificate carrying the KEA public key. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The end-entity certificate followed by its DSS issuer, as a Certificate message sends them. */
    public List<X509Certificate> chain() {
        return chain;
    }
}
