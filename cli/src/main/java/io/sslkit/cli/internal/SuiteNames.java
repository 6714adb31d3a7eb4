package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code --suites} and {@code --protocols} before a connection is configured, so that a name the user got
 * wrong is one clear line (unknown, unavailable because a module is missing, or refused by the policy) rather than
 * a failed handshake.
 */
public final class SuiteNames {
    private SuiteNames() {
    }

    /**
     * Accepts IANA names (TLS_RSA_WITH_RC4_128_MD5), JSSE names (SSL_RSA_WITH_RC4_128_MD5), OpenSSL names (RC4-MD5)
     * and codes (0x0004), case-insensitively; returns the suites in the order given, without repeats.
     */
    public static List<CipherSuite> resolve(List<String> names, AlgorithmRegistry registry, Policy policy) {
        List<CipherSuite> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            CipherSuite s = CipherSuites.find(registry.definedSuites(), name).orElseThrow(() -> CliFailure.usage(
                    "unknown cipher suite '" + name + "' (names as in 'sslkit suites --policy legacy --verbose': "
                            + "IANA/JSSE like SSL_RSA_WITH_RC4_128_MD5, OpenSSL like RC4-MD5, or a code like 0x0004)"));
            String shown = s.name().equalsIgnoreCase(name) ? s.name() : name + " (" + s.name() + ")";
            if (!registry.isComplete(s)) {
                throw CliFailure.usage("cipher suite " + shown + " is unavailable: no module supplies "
                        + String.join(", ", SuiteTable.missingParts(s, registry)));
            }
            String refused = SuiteTable.refusal(policy, s, registry);
            if (refused != null) {
                throw CliFailure.usage("cipher suite " + shown + " is refused by policy " + policy.name() + ": "
                        + refused + hintLegacy(policy));
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw CliFailure.usage("--suites names no cipher suite");
        }
        return List.copyOf(out);
    }

    /** JSSE's names SSLv3, TLSv1, TLSv1.1, TLSv1.2 (TLSv1.0 too); each must be one the policy allows. */
    public static Set<ProtocolVersion> protocols(List<String> names, Policy policy) {
        Set<ProtocolVersion> out = EnumSet.noneOf(ProtocolVersion.class);
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            ProtocolVersion v = ProtocolVersion.byName(name).orElseThrow(() -> CliFailure.usage(
                    "unknown protocol '" + name + "' (expected SSLv3, TLSv1, TLSv1.1 or TLSv1.2)"));
            if (!policy.allows(v)) {
                throw CliFailure.usage(v + " is not allowed by policy " + policy.name() + hintLegacy(policy));
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw CliFailure.usage("--protocols names no protocol");
        }
        return out;
    }

    /** Checks that some version enabled can carry some suite chosen, which the handshake could only report late. */
    public static void checkOverlap(List<CipherSuite> suites, Set<ProtocolVersion> protocols) {
        for (CipherSuite s : suites) {
            for (ProtocolVersion v : protocols) {
                if (s.supports(v)) {
                    return;
                }
            }
        }
        throw CliFailure.usage("none of the suites chosen can be used with " + protocols.stream()
                .map(ProtocolVersion::standardName).toList() + " (see the versions in 'sslkit suites --verbose')");
    }

    private static String hintLegacy(Policy policy) {
        return policy == Policy.LEGACY ? "" : " (add --policy legacy to allow it)";
    }
}
