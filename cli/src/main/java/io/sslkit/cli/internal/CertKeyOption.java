package io.sslkit.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** One {@code --cert FILE [--key FILE]} pair. */
final class CertKeyOption {
    @Option(names = "--cert", required = true, paramLabel = "FILE",
            description = "Certificate chain, leaf first: PEM (the key may be in the same file), or PKCS#12 "
                    + "(holds its key; password in $" + CredentialFiles.PASSWORD_VARIABLE + ", else empty).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Private key for the preceding --cert: PEM, PKCS#8 (BEGIN PRIVATE KEY) or traditional "
                    + "(BEGIN RSA/DSA PRIVATE KEY); if encrypted, the password is read from $"
                    + CredentialFiles.PASSWORD_VARIABLE + ".")
    Path key;

    Credential load(CliContext context) {
        return CredentialFiles.load(cert, key, context.env().apply(CredentialFiles.PASSWORD_VARIABLE));
    }
}
