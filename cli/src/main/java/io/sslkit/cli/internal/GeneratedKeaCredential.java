package io.sslkit.cli.internal;

import io.sslkit.cipher.kea.KeaCredentials;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The server's default FORTEZZA_KEA credential, so that the Fortezza suites can be served without setup: a KEA
 * certificate and its DSS issuer, made afresh at each start (a KEA private key has no file format to keep it in).
 * The KEA module is optional ({@code requires static}, an optional import inside OSGi): without it there is no KEA
 * credential and no Fortezza suite either.
 */
final class GeneratedKeaCredential {
    private static final String KEA_CREDENTIALS = "io.sslkit.cipher.kea.KeaCredentials";

    private GeneratedKeaCredential() {
    }

    /** A fresh KEA credential for localhost, or empty when the KEA module is absent or cannot make one. */
    static Optional<Credential> generate(PrintStream out) {
        if (!keaModulePresent()) {
            return Optional.empty();
        }
        try {
            KeaCredentials kea = KeaCredentials.generate("localhost", new SecureRandom());
            Credential c = new Credential(kea.privateKey(), kea.chain(), "generated KEA certificate");
            out.println("generated KEA certificate for this run (issued by " + c.chain().get(1)
                    .getSubjectX500Principal().getName() + ")\n  SHA-256 fingerprint " + Fingerprints.sha256(c.leaf()));
            return Optional.of(c);
        } catch (GeneralSecurityException | RuntimeException e) {
            // the RSA and DSA credentials still serve every other suite
            out.println("no KEA certificate (the Fortezza suites cannot be served): " + Failures.cause(e));
            return Optional.empty();
        }
    }

    /** Whether the optional dependency can be loaded here; touching KeaCredentials without it would fail. */
    static boolean keaModulePresent() {
        Module self = GeneratedKeaCredential.class.getModule();
        if (self.isNamed() && self.getLayer() != null) {
            // on the module path a static requirement reads the module only when it was resolved
            return self.getLayer().findModule("io.sslkit.cipher.kea").isPresent();
        }
        try {
            Class.forName(KEA_CREDENTIALS, false, GeneratedKeaCredential.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
