package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.TestPki;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiatorTest {
    static final AlgorithmRegistry REGISTRY = KeyScheduleKnownAnswerTest.REGISTRY;
    final TestPki pki = TestPki.get();

    static ClientHello hello(int... suites) {
        return new ClientHello(0x0303, new byte[32], new byte[0], suites, new byte[] {0}, List.of());
    }

    SslConfig.Builder server() {
        return SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY)
                .credential(pki.server.key(), pki.server.chain());
    }

    @Test
    void highestCommonVersion() throws Exception {
        EnumSet<ProtocolVersion> all = EnumSet.allOf(ProtocolVersion.class);
        assertEquals(ProtocolVersion.TLS_1_2, Negotiator.chooseVersion(0x0304, all));
        assertEquals(ProtocolVersion.TLS_1_0, Negotiator.chooseVersion(0x0301, all));
        assertEquals(ProtocolVersion.SSL_3_0,
                Negotiator.chooseVersion(0x0303, EnumSet.of(ProtocolVersion.SSL_3_0)));
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> Negotiator.chooseVersion(0x0300, EnumSet.of(ProtocolVersion.TLS_1_2)));
        assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
    }

    @Test
    void serverPreferenceWinsOverClientOrder() throws Exception {
        SslConfig c = server().cipherSuites("SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_RC4_128_MD5").build();
        Negotiator.Choice choice = Negotiator.chooseSuite(c, hello(0x0004, 0x000A), ProtocolVersion.SSL_3_0, null);
        assertEquals("SSL_RSA_WITH_3DES_EDE_CBC_SHA", choice.suite().name());
        assertTrue(choice.why().contains("server preference #1"), choice.why());
    }

    @Test
    void suiteNotDefinedForTheVersionIsPassedOver() throws Exception {
        SslConfig c = server().cipherSuites("SSL_RSA_WITH_DES_CBC_SHA", "SSL_RSA_WITH_RC4_128_SHA").build();
        Negotiator.Choice choice = Negotiator.chooseSuite(c, hello(0x0009, 0x0005), ProtocolVersion.TLS_1_2, null);
        assertEquals("SSL_RSA_WITH_RC4_128_SHA", choice.suite().name());
        assertTrue(choice.why().contains("SSL_RSA_WITH_DES_CBC_SHA (not defined for TLSv1.2)"), choice.why());
    }

    @Test
    void suiteWithoutACredentialIsPassedOver() throws Exception {
        SslConfig c = server().cipherSuites("SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA")
                .build();
        Negotiator.Choice choice = Negotiator.chooseSuite(c, hello(0x0013, 0x000A), ProtocolVersion.SSL_3_0, null);
        assertEquals("SSL_RSA_WITH_3DES_EDE_CBC_SHA", choice.suite().name());
        assertTrue(choice.why().contains("no DSA credential"), choice.why());
    }

    @Test
    void moduleThatLeftTakesItsSuitesAlong() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        SslConfig c = SslConfig.server().policy(Policy.LEGACY).registry(registry)
                .credential(pki.server.key(), pki.server.chain()).build();
        BulkCipher rc4 = registry.bulkCipher("RC4_128").orElseThrow();
        registry.remove(rc4);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> Negotiator.chooseSuite(c, hello(0x0004, 0x0005), ProtocolVersion.SSL_3_0, null));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        registry.add(rc4, "test");
        assertTrue(Negotiator.offer(SslConfig.client().policy(Policy.LEGACY).registry(registry).build()).stream()
                .anyMatch(s -> s.cipher().equals("RC4_128")));
    }

    @Test
    void policyFiltersWhatTheClientOffers() {
        SslConfig modern = SslConfig.client().registry(REGISTRY).build();
        assertTrue(Negotiator.offer(modern).stream().allMatch(s -> s.supports(ProtocolVersion.TLS_1_2)));
        assertTrue(Negotiator.offer(modern).stream().noneMatch(s -> s.cipher().equals("NULL")));
    }
}
