package io.sslkit.cli.internal;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options the server and the client share: what may be negotiated, whom to trust, whether to trace. */
final class SslOptions {
    @Option(names = "--protocols", split = ",", paramLabel = "VERSION",
            description = "Versions to enable, comma-separated: SSLv3, TLSv1, TLSv1.1, TLSv1.2. "
                    + "Default: every version the policy allows.")
    List<String> protocols;

    @Option(names = "--suites", split = ",", paramLabel = "NAME",
            description = "Cipher suites in preference order, comma-separated: IANA/JSSE names "
                    + "(SSL_RSA_WITH_RC4_128_MD5, TLS_RSA_WITH_AES_128_CBC_SHA), OpenSSL names (RC4-MD5) or codes "
                    + "(0x0004). Default: every suite available now that the policy allows (see 'sslkit suites').")
    List<String> suites;

    @Option(names = "--policy", paramLabel = "default|legacy", defaultValue = "default",
            converter = PolicyConverter.class,
            description = "default: TLSv1.2 with today's suites; legacy: also SSLv3, TLSv1, TLSv1.1, RC4, DES, export, "
                    + "NULL and Fortezza suites. Default: ${DEFAULT-VALUE}.")
    Policy policy;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "Certificates to trust (PEM or DER, one or more; or PKCS#12, password in $"
                    + CredentialFiles.PASSWORD_VARIABLE + ").")
    Path trust;

    @Option(names = "--trace", description = "Print the ten steps of the handshake as they happen, with every "
            + "handshake message and every alert.")
    boolean trace;

    /**
     * Starts a configuration with the version and suite choices checked against the registry and the policy now,
     * so that a wrong name is reported before any connection is made.
     */
    SslConfig.Builder configure(SslConfig.Builder b, CliContext context, SessionCache cache) {
        b.policy(policy).registry(context.registry().get()).sessionCache(cache);
        Set<ProtocolVersion> versions = protocols == null ? policy.protocols()
                : SuiteNames.protocols(protocols, policy);
        if (protocols != null) {
            b.protocols(versions);
        }
        if (suites != null) {
            List<CipherSuite> chosen = SuiteNames.resolve(suites, context.registry().get(), policy);
            SuiteNames.checkOverlap(chosen, versions);
            b.cipherSuites(chosen.stream().map(CipherSuite::name).toList());
        }
        return b;
    }

    List<X509Certificate> trustAnchors(CliContext context) {
        return trust == null ? null
                : CredentialFiles.trustAnchors(trust, context.env().apply(CredentialFiles.PASSWORD_VARIABLE));
    }
}
