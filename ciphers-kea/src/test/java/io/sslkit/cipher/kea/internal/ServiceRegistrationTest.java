package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.KeyExchange;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** FORTEZZA_KEA is found by ServiceLoader and completes exactly the three Fortezza suites' key exchange part. */
class ServiceRegistrationTest {
    @Test
    void keyExchangeIsDiscoverable() {
        List<KeyExchange> found = ServiceLoader.load(KeyExchange.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(1, found.size());
        KeyExchange kea = found.get(0);
        assertEquals("FORTEZZA_KEA", kea.name());
        assertEquals("KEA", kea.serverKeyAlgorithm());
        assertFalse(kea.exportable());
    }

    @Test
    void theThreeFortezzaSuites() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertTrue(registry.keyExchange("FORTEZZA_KEA").isPresent());
        Map<Integer, CipherSuite> suites = registry.definedSuites().stream()
                .filter(s -> s.keyExchange().equals("FORTEZZA_KEA"))
                .collect(Collectors.toMap(CipherSuite::code, s -> s));
        assertEquals(Map.of(0x001C, "NULL", 0x001D, "SKIPJACK_CBC", 0x001E, "RC4_128"),
                suites.values().stream().collect(Collectors.toMap(CipherSuite::code, CipherSuite::cipher)));
        assertEquals("SSL_FORTEZZA_KEA_WITH_NULL_SHA", suites.get(0x001C).name());
        assertEquals("SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", suites.get(0x001D).name());
        assertEquals("SSL_FORTEZZA_KEA_WITH_RC4_128_SHA", suites.get(0x001E).name());
        for (CipherSuite suite : suites.values()) {
            assertEquals("SHA", suite.mac(), suite.name());
            assertTrue(suite.supports(ProtocolVersion.SSL_3_0), suite.name());
            assertFalse(suite.supports(ProtocolVersion.TLS_1_0), suite.name() + ": 0x001E is Kerberos in TLS");
        }
        // Without the SHA digest and (for 0x001D) the SKIPJACK module on this class path, none is complete yet.
        assertTrue(registry.completeSuites().stream().noneMatch(s -> s.keyExchange().equals("FORTEZZA_KEA")));
    }
}
