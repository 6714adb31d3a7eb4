package io.sslkit.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Diffie-Hellman parameter files for the peers' DHE suites. */
final class DhParams {
    private static Path file;
    private static Path weak;

    private DhParams() {
    }

    /**
     * The RFC 7919 group ffdhe2048 as PKCS#3 PEM, for s_server and gnutls-serv (which refuses DHE without
     * parameters: "No temporary DH parameters were found"). A fixed, well-known group: generating one takes seconds
     * to minutes, and OpenSSL's {@code dhparam -dsaparam} output (X9.42) is a format GnuTLS does not read.
     */
    static synchronized Path ffdhe2048() throws IOException {
        if (file == null) {
            Path f = Workspace.dir("pki").resolve("ffdhe2048.pem");
            try (PeerProcess p = PeerProcess.start("genpkey-ffdhe2048", List.of("openssl", "genpkey", "-genparam",
                    "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", f.toString()))) {
                int rc = p.awaitExit(Duration.ofSeconds(30));
                if (rc != 0 || !Files.exists(f)) {
                    throw new IOException("openssl genpkey failed (" + rc + "): " + p.stderr());
                }
            }
            file = f;
        }
        return file;
    }

    /**
     * The RFC 5114 1024-bit group (section 2.1), below the default policy's 2048-bit minimum (Logjam): for the
     * refusal test. Fixed and instant, as PKCS#3 PEM (s_server ignores X9.42 files and falls back to its own
     * 2048-bit group, which would make the test pass for the wrong reason).
     */
    static synchronized Path weak1024() throws IOException {
        if (weak == null) {
            Path f = Workspace.dir("pki").resolve("rfc5114-1024.pem");
            try (PeerProcess p = PeerProcess.start("genpkey-rfc5114", List.of("openssl", "genpkey", "-genparam",
                    "-algorithm", "DH", "-pkeyopt", "dh_rfc5114:1", "-out", f.toString()))) {
                int rc = p.awaitExit(Duration.ofSeconds(30));
                if (rc != 0 || !Files.exists(f)) {
                    throw new IOException("openssl genpkey failed (" + rc + "): " + p.stderr());
                }
            }
            weak = f;
        }
        return weak;
    }
}
