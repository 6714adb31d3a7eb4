package io.sslkit.examples.camellia.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry finds the example through {@link java.util.ServiceLoader} exactly as it finds sslkit's own modules:
 * with sslkit's RSA and SHA-1 modules on the test class path the Camellia RSA suites become complete, and with this
 * project's service files hidden they vanish while the RSA/SHA-1 suites of the well-known table stay.
 */
class ServiceLoaderDiscoveryTest {
    private static final Set<String> RSA_SUITES =
            Set.of("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
    private static final Set<String> DHE_DSS_SUITES =
            Set.of("TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA");
    /** Needs only RSA, SHA and the always-present NULL cipher: proves the RSA and SHA-1 modules were found. */
    private static final String RSA_SHA_CONTROL_SUITE = "SSL_RSA_WITH_NULL_SHA";

    private static Set<String> names(List<CipherSuite> suites) {
        return suites.stream().map(CipherSuite::name).collect(Collectors.toSet());
    }

    @Test
    void camelliaRsaSuitesAreCompleteWithSslkitsRsaAndSha1Modules() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());

        assertTrue(registry.bulkCipher("CAMELLIA_128_CBC").isPresent());
        assertTrue(registry.bulkCipher("CAMELLIA_256_CBC").isPresent());
        assertTrue(registry.keyExchange("RSA").isPresent(), "sslkit-ciphers-rsa is a test dependency");
        assertTrue(registry.digest("SHA").isPresent(), "sslkit-ciphers-sha1 is a test dependency");

        Set<String> defined = names(registry.definedSuites());
        assertTrue(defined.containsAll(RSA_SUITES), "defined: " + defined);
        assertTrue(defined.containsAll(DHE_DSS_SUITES), "defined: " + defined);

        Set<String> complete = names(registry.completeSuites());
        assertTrue(complete.containsAll(RSA_SUITES), "complete: " + complete);
        // no DHE_DSS module on this class path, so those suites are defined but must not be offered
        assertTrue(registry.keyExchange("DHE_DSS").isEmpty());
        assertTrue(Collections.disjoint(complete, DHE_DSS_SUITES), "complete: " + complete);
    }

    @Test
    void noCamelliaSuiteWithoutThisModulesProviders() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(new HidingOwnServices(getClass()));

        assertTrue(registry.bulkCipher("CAMELLIA_128_CBC").isEmpty());
        assertTrue(registry.bulkCipher("CAMELLIA_256_CBC").isEmpty());
        assertTrue(names(registry.completeSuites()).contains(RSA_SHA_CONTROL_SUITE),
                "the RSA and SHA-1 modules must still be found: " + names(registry.completeSuites()));
        for (CipherSuite s : registry.definedSuites()) {
            assertFalse(s.cipher().startsWith("CAMELLIA"), s.name());
            assertFalse(RSA_SUITES.contains(s.name()) || DHE_DSS_SUITES.contains(s.name()), s.name());
        }
    }

    @Test
    void registryNamesWhereTheCipherCameFrom() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        // on the class path the origin is the package; on the module path it is the module name
        assertEquals(Camellia128Cbc.class.getPackageName(), registry.origin("CAMELLIA_128_CBC").orElseThrow());
    }

    /**
     * Delegates everything to the test class loader but hides the META-INF/services files of this project's own
     * classes, as if the module were not installed; sslkit's modules on the same class path stay visible.
     */
    private static final class HidingOwnServices extends ClassLoader {
        private final String ownLocation;

        HidingOwnServices(Class<?> ownClass) {
            super(ownClass.getClassLoader());
            this.ownLocation = CamelliaSuites.class.getProtectionDomain().getCodeSource().getLocation().toString();
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            List<URL> urls = Collections.list(super.getResources(name));
            if (name.startsWith("META-INF/services/")) {
                urls.removeIf(u -> u.toString().startsWith(ownLocation));
            }
            return Collections.enumeration(urls);
        }
    }
}
