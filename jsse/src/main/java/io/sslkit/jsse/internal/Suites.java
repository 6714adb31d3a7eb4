package io.sslkit.jsse.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.Policy;
import java.util.List;
import java.util.Optional;

/**
 * Cipher suite names as JSSE sees them, always judged against the registry as it is at the moment of the call: a
 * module that leaves takes its suites out of the next answer.
 */
final class Suites {
    /** RFC 5746's signalling value: sslkit always sends it, so naming it is accepted and changes nothing. */
    static final String RENEGOTIATION_SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    private Suites() {
    }

    static AlgorithmRegistry registry() {
        return AlgorithmRegistry.getDefault();
    }

    /** Every suite the registry makes complete now, under any policy. */
    static String[] supported() {
        return registry().completeSuites().stream().map(CipherSuite::name).toArray(String[]::new);
    }

    /** What an engine enables when the application does not choose: complete now and allowed by the default policy. */
    static List<String> defaults() {
        AlgorithmRegistry r = registry();
        return r.completeSuites().stream().filter(s -> Policy.DEFAULT.allows(s, r)).map(CipherSuite::name).toList();
    }

    /** A suite the registry defines, by JSSE, IANA or OpenSSL name. */
    static Optional<CipherSuite> find(String name) {
        return CipherSuites.find(registry().definedSuites(), name);
    }
}
