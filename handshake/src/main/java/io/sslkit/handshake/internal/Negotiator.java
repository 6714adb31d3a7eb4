package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.handshake.SslConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides version and suite. The server chooses by its own preference among the suites the client offered that
 * the registry makes complete now, that the policy allows, that the version allows and that one of its credentials
 * can serve; the client offers only complete, allowed suites.
 */
final class Negotiator {
    /** The server's choice and why, for the listener. */
    record Choice(CipherSuite suite, SslConfig.Credential credential, String why) {
    }

    private Negotiator() {
    }

    /** The highest enabled version not above the client's; none is protocol_version. */
    static ProtocolVersion chooseVersion(int clientVersion, Set<ProtocolVersion> enabled) throws SslAlertException {
        ProtocolVersion best = null;
        for (ProtocolVersion v : enabled) {
            if (v.wireValue() <= clientVersion && (best == null || v.atLeast(best))) {
                best = v;
            }
        }
        if (best == null) {
            throw new SslAlertException(AlertDescription.PROTOCOL_VERSION, String.format(
                    "client_version 0x%04X is below every enabled version %s", clientVersion, enabled));
        }
        return best;
    }

    static ProtocolVersion highest(Set<ProtocolVersion> enabled) {
        return enabled.stream().max(Enum::compareTo).orElseThrow();
    }

    /** The suites a client offers: configured or default, complete now, allowed, usable in an enabled version. */
    static List<CipherSuite> offer(SslConfig config) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : config.cipherSuites()) {
            if (config.registry().isComplete(s) && config.policy().allows(s, config.registry())
                    && config.protocols().stream().anyMatch(s::supports)) {
                out.add(s);
            }
        }
        return out;
    }

    /** @param serverName the client's server_name, or null: picks the credential that names it, if any does */
    static Choice chooseSuite(SslConfig config, ClientHello hello, ProtocolVersion version, String serverName)
            throws SslAlertException {
        AlgorithmRegistry registry = config.registry();
        Policy policy = config.policy();
        List<CipherSuite> preference = config.cipherSuites();
        List<SslConfig.Credential> credentials = credentials(config, hello, version, serverName, preference);
        int common = 0;
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < preference.size(); i++) {
            CipherSuite s = preference.get(i);
            if (!hello.offers(s.code())) {
                continue;
            }
            common++;
            String refusal = refusal(s, registry, policy, version);
            if (refusal != null) {
                skipped.add(s.name() + " (" + refusal + ")");
                continue;
            }
            Optional<SslConfig.Credential> credential = credentialFor(credentials, registry, s, serverName);
            if (credential.isEmpty()) {
                skipped.add(s.name() + " (no " + serverKeyAlgorithm(registry, s) + " credential)");
                continue;
            }
            String why = "server preference #" + (i + 1) + " of " + preference.size() + ", offered by the client ("
                    + hello.cipherSuites().length + " offered)" + (skipped.isEmpty() ? "" : "; passed over " + skipped);
            return new Choice(s, credential.get(), why);
        }
        throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite in common: client offered "
                + describe(hello.cipherSuites()) + ", " + common + " of them known here"
                + (skipped.isEmpty() ? "" : ", refused " + skipped));
    }

    private static String refusal(CipherSuite s, AlgorithmRegistry registry, Policy policy, ProtocolVersion version) {
        if (!registry.isComplete(s)) {
            return "a module is missing";
        }
        if (!policy.allows(s, registry)) {
            return "refused by the " + policy + " policy";
        }
        if (!s.supports(version)) {
            return "not defined for " + version;
        }
        return null;
    }

    private static String serverKeyAlgorithm(AlgorithmRegistry registry, CipherSuite s) {
        return registry.keyExchange(s.keyExchange()).map(KeyExchange::serverKeyAlgorithm).orElse("?");
    }

    /**
     * The configured credentials, or those the application's chooser picks for the key algorithms that the suites
     * in common could use (asked once per handshake, now that the client's offer and server_name are known).
     */
    private static List<SslConfig.Credential> credentials(SslConfig config, ClientHello hello,
                                                          ProtocolVersion version, String serverName,
                                                          List<CipherSuite> preference) throws SslAlertException {
        if (config.credentialChooser() == null) {
            return config.credentials();
        }
        LinkedHashSet<String> needed = new LinkedHashSet<>();
        for (CipherSuite s : preference) {
            if (hello.offers(s.code()) && refusal(s, config.registry(), config.policy(), version) == null) {
                needed.add(serverKeyAlgorithm(config.registry(), s));
            }
        }
        needed.remove("?");
        if (needed.isEmpty()) {
            return List.of();
        }
        List<SslConfig.Credential> chosen = config.credentialChooser().serverCredentials(
                java.util.Collections.unmodifiableSet(needed), serverName);
        return chosen == null ? List.of() : List.copyOf(chosen);
    }

    private static Optional<SslConfig.Credential> credentialFor(List<SslConfig.Credential> credentials,
                                                                AlgorithmRegistry registry, CipherSuite s,
                                                                String serverName) {
        String needed = serverKeyAlgorithm(registry, s);
        List<SslConfig.Credential> fitting = credentials.stream()
                .filter(c -> c.keyAlgorithm().equals(needed)).toList();
        if (serverName != null) {
            for (SslConfig.Credential c : fitting) {
                if (ServerNames.matches(c.chain().get(0), serverName)) {
                    return Optional.of(c);
                }
            }
        }
        // no name, or none that matches: the first credential of the type, as a server without SNI would
        return fitting.stream().findFirst();
    }

    private static String describe(int[] codes) {
        List<String> names = new ArrayList<>();
        for (int c : codes) {
            names.add(CipherSuites.WELL_KNOWN.stream().filter(s -> s.code() == c).map(CipherSuite::name).findFirst()
                    .orElse(String.format("0x%04X", c)));
        }
        return names.toString();
    }
}
