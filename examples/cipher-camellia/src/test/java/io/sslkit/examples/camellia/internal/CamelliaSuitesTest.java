package io.sslkit.examples.camellia.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.ProtocolVersion;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contributed suite definitions: codes and names of RFC 5932, parts, versions and OpenSSL names. */
class CamelliaSuitesTest {
    private final Map<Integer, CipherSuite> byCode = new CamelliaSuites().cipherSuites().stream()
            .collect(Collectors.toMap(CipherSuite::code, Function.identity()));

    private void assertSuite(int code, String name, String keyExchange, String cipher, String openssl) {
        CipherSuite s = byCode.get(code);
        assertEquals(name, s.name());
        assertEquals(List.of(keyExchange, cipher, "SHA"), s.parts());
        assertEquals(ProtocolVersion.TLS_1_0, s.minVersion());
        assertEquals(ProtocolVersion.TLS_1_2, s.maxVersion());
        assertEquals("SHA256", s.prfDigest());
        assertEquals(openssl, s.opensslName());
        assertFalse(s.supports(ProtocolVersion.SSL_3_0), "SSL 3.0 never had Camellia suites");
    }

    @Test
    void definesTheFourSha1Suites() {
        assertEquals(4, byCode.size());
        assertSuite(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "RSA", "CAMELLIA_128_CBC", "CAMELLIA128-SHA");
        assertSuite(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", "RSA", "CAMELLIA_256_CBC", "CAMELLIA256-SHA");
        assertSuite(0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", "DHE_DSS", "CAMELLIA_128_CBC",
                "DHE-DSS-CAMELLIA128-SHA");
        assertSuite(0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", "DHE_DSS", "CAMELLIA_256_CBC",
                "DHE-DSS-CAMELLIA256-SHA");
    }

    @Test
    void namesOnlyCiphersThisModuleProvides() {
        for (CipherSuite s : byCode.values()) {
            assertTrue(s.cipher().equals(new Camellia128Cbc().name()) || s.cipher().equals(new Camellia256Cbc().name()),
                    s.name());
        }
    }

    @Test
    void clashesWithNoWellKnownSuite() {
        // a clashing code would be dropped by the registry with a warning; the example must not rely on that
        for (CipherSuite s : byCode.values()) {
            assertTrue(CipherSuites.WELL_KNOWN.stream().noneMatch(w -> w.code() == s.code()), s.name());
            assertTrue(CipherSuites.byName(s.name()).isEmpty(), s.name());
        }
    }
}
