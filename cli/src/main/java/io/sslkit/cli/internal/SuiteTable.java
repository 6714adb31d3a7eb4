package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import io.sslkit.api.spi.BulkCipher;
import java.util.ArrayList;
import java.util.List;

/**
 * The defined suites sorted into three lists: available now, defined but incomplete (a module is missing), and
 * complete but refused by the policy.
 */
record SuiteTable(List<CipherSuite> available, List<CipherSuite> incomplete, List<Refusal> refused) {

    record Refusal(CipherSuite suite, String reason) {
    }

    static SuiteTable of(AlgorithmRegistry registry, Policy policy) {
        List<CipherSuite> available = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (CipherSuite s : registry.completeSuites()) {
            String why = refusal(policy, s, registry);
            if (why == null) {
                available.add(s);
            } else {
                refused.add(new Refusal(s, why));
            }
        }
        List<CipherSuite> incomplete = new ArrayList<>();
        for (CipherSuite s : registry.definedSuites()) {
            if (!registry.completeSuites().contains(s)) {
                incomplete.add(s);
            }
        }
        return new SuiteTable(List.copyOf(available), List.copyOf(incomplete), List.copyOf(refused));
    }

    /** Why the policy refuses a complete suite, or null when it allows it. */
    static String refusal(Policy policy, CipherSuite s, AlgorithmRegistry registry) {
        // complete means the cipher is present
        BulkCipher cipher = registry.bulkCipher(s.cipher()).orElseThrow();
        return policy.whyRefused(s, cipher, registry);
    }

    /** The parts of the suite that no module supplies now, each named with its role. */
    static List<String> missingParts(CipherSuite s, AlgorithmRegistry registry) {
        List<String> missing = new ArrayList<>();
        if (registry.keyExchange(s.keyExchange()).isEmpty()) {
            missing.add("key exchange " + s.keyExchange());
        }
        if (registry.bulkCipher(s.cipher()).isEmpty()) {
            missing.add("cipher " + s.cipher());
        }
        if (registry.digest(s.mac()).isEmpty()) {
            missing.add("digest " + s.mac());
        }
        return missing;
    }
}
