package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuiteNamesTest {
    private final AlgorithmRegistry registry = Fixtures.rc4Registry();

    @Test
    void ianaJsseOpensslNamesAndCodesNameTheSameSuites() {
        List<CipherSuite> s = SuiteNames.resolve(List.of("TLS_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_MD5",
                "rc4-sha", "0x0003", " SSL_RSA_WITH_NULL_MD5 "), registry, Policy.LEGACY);
        assertEquals(List.of("SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_EXPORT_WITH_RC4_40_MD5",
                "SSL_RSA_WITH_NULL_MD5"), s.stream().map(CipherSuite::name).toList());
    }

    @Test
    void unknownNameIsAClearError() {
        CliFailure e = assertThrows(CliFailure.class,
                () -> SuiteNames.resolve(List.of("RC4-MD5", "RC5-MD5"), registry, Policy.LEGACY));
        assertTrue(e.getMessage().startsWith("unknown cipher suite 'RC5-MD5'"), e.getMessage());
        assertTrue(e.usage());
    }

    @Test
    void unavailableNameSaysWhichModuleIsMissing() {
        CliFailure e = assertThrows(CliFailure.class,
                () -> SuiteNames.resolve(List.of("DES-CBC3-SHA"), registry, Policy.LEGACY));
        assertEquals("cipher suite DES-CBC3-SHA (SSL_RSA_WITH_3DES_EDE_CBC_SHA) is unavailable: no module supplies "
                + "cipher 3DES_EDE_CBC", e.getMessage());
    }

    @Test
    void refusedNameSaysWhyAndHowToAllowIt() {
        CliFailure e = assertThrows(CliFailure.class,
                () -> SuiteNames.resolve(List.of("SSL_RSA_WITH_RC4_128_MD5"), registry, Policy.DEFAULT));
        assertEquals("cipher suite SSL_RSA_WITH_RC4_128_MD5 is refused by policy default: RC4-class stream cipher "
                + "(RFC 7465) (add --policy legacy to allow it)", e.getMessage());
    }

    @Test
    void protocolsByJsseName() {
        assertEquals(EnumSet.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2),
                SuiteNames.protocols(List.of("SSLv3", "tlsv1", "TLSv1.2"), Policy.LEGACY));
        CliFailure unknown = assertThrows(CliFailure.class,
                () -> SuiteNames.protocols(List.of("TLSv1.3"), Policy.LEGACY));
        assertTrue(unknown.getMessage().startsWith("unknown protocol 'TLSv1.3'"), unknown.getMessage());
        CliFailure refused = assertThrows(CliFailure.class,
                () -> SuiteNames.protocols(List.of("SSLv3"), Policy.DEFAULT));
        assertEquals("SSLv3 is not allowed by policy default (add --policy legacy to allow it)", refused.getMessage());
    }

    @Test
    void suitesThatNoEnabledVersionCarriesAreCaughtEarly() {
        List<CipherSuite> export = SuiteNames.resolve(List.of("EXP-RC4-MD5"), registry, Policy.LEGACY);
        CliFailure e = assertThrows(CliFailure.class,
                () -> SuiteNames.checkOverlap(export, Set.of(ProtocolVersion.TLS_1_2)));
        assertTrue(e.getMessage().startsWith("none of the suites chosen can be used with [TLSv1.2]"), e.getMessage());
        SuiteNames.checkOverlap(export, Set.of(ProtocolVersion.TLS_1_0));
    }
}
