package io.sslkit.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client trusts without --trust: the JDK's certificate authorities, plus the certificates that
 * {@code sslkit server} generated in this user's sslkit home, so that a server and a client started by the same
 * user on one machine agree out of the box.
 */
final class DefaultTrust {
    private DefaultTrust() {
    }

    static List<X509Certificate> anchors(CliContext context) {
        List<X509Certificate> out = new ArrayList<>(jdkAuthorities());
        Path folder = GeneratedCredentials.folder(context);
        for (String alg : GeneratedCredentials.ALGORITHMS) {
            Path cert = GeneratedCredentials.certFile(folder, alg);
            if (Files.isRegularFile(cert)) {
                out.addAll(CredentialFiles.trustAnchors(cert, null));
            }
        }
        return out;
    }

    private static List<X509Certificate> jdkAuthorities() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return List.of(x.getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException e) {
            // no readable cacerts: only the generated certificates (or --trust) remain
        }
        return List.of();
    }
}
