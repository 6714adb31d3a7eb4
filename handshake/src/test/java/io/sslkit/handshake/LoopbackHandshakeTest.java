package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Our client against our server in memory: every version, the seed's suites, resumption, client auth, failures. */
class LoopbackHandshakeTest {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.fromServiceLoader(
            LoopbackHandshakeTest.class.getClassLoader());
    final TestPki pki = TestPki.get();

    SslConfig.Builder client(ProtocolVersion v, String suite) {
        return SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).protocols(v).cipherSuites(suite)
                .trustAnchors(List.of(pki.ca.certificate()));
    }

    SslConfig.Builder server(ProtocolVersion v) {
        return SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY).protocols(v)
                .credential(pki.server.key(), pki.server.chain()).trustAnchors(List.of(pki.ca.certificate()));
    }

    @ParameterizedTest
    @CsvSource({
        "SSLv3, SSL_RSA_WITH_RC4_128_MD5", "SSLv3, SSL_RSA_WITH_RC4_128_SHA", "SSLv3, SSL_RSA_WITH_DES_CBC_SHA",
        "SSLv3, SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSLv3, SSL_RSA_WITH_NULL_MD5", "SSLv3, SSL_RSA_WITH_NULL_SHA",
        "TLSv1, SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLSv1.1, TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256", "TLSv1.2, SSL_RSA_WITH_RC4_128_SHA"})
    void fullHandshakeAndData(String version, String suite) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        List<HandshakeStep> steps = new ArrayList<>();
        SslListener l = new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                steps.add(step);
            }
        };
        EnginePair p = new EnginePair(client(v, suite).listener(l).build(), server(v).build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(v, p.client.session().protocol());
        assertEquals(suite, p.server.session().cipherSuite().name());
        assertFalse(p.client.session().resumed());
        assertEquals(EnumSet.allOf(HandshakeStep.class), EnumSet.copyOf(steps));
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        assertArrayEquals(data, p.send(true, data));
        assertArrayEquals(data, p.send(false, data));
    }

    @Test
    void resumesTheSessionOnASecondConnection() throws Exception {
        SslConfig c = client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_SHA").build();
        SslConfig s = server(ProtocolVersion.SSL_3_0).build();
        EnginePair first = new EnginePair(c, s);
        assertTrue(first.handshake());
        EnginePair second = new EnginePair(c, s);
        assertTrue(second.handshake());
        assertTrue(second.client.session().resumed());
        assertTrue(second.server.session().resumed());
        assertArrayEquals(first.client.session().id(), second.client.session().id());
        assertArrayEquals("hello".getBytes(), second.send(true, "hello".getBytes()));
    }

    @Test
    void clientAuthenticationNeedWithAndWithoutCertificate() throws Exception {
        SslConfig s = server(ProtocolVersion.SSL_3_0).clientAuth(ClientAuth.NEED).build();
        EnginePair with = new EnginePair(client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5")
                .credential(pki.client.key(), pki.client.chain()).build(), s);
        assertTrue(with.handshake(), () -> "failed: " + with.clientFailure + " / " + with.serverFailure);
        assertEquals(pki.client.certificate(), with.server.session().peerCertificates().get(0));

        EnginePair without = new EnginePair(client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5").build(), s);
        assertFalse(without.handshake());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, without.serverFailure.alert());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, without.clientFailure.alert());
        assertTrue(without.clientFailure.isReceived());
    }

    @Test
    void clientAuthenticationWantContinuesWithoutCertificate() {
        SslConfig s = server(ProtocolVersion.TLS_1_0).clientAuth(ClientAuth.WANT).build();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_0, "SSL_RSA_WITH_RC4_128_MD5").build(), s);
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertTrue(p.server.session().peerCertificates().isEmpty());
    }

    @Test
    void untrustedServerIsRefusedWithCertificateUnknown() {
        SslConfig c = SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).protocols(ProtocolVersion.SSL_3_0)
                .trustAnchors(List.of(pki.otherCa.certificate())).build();
        EnginePair p = new EnginePair(c, server(ProtocolVersion.SSL_3_0).build());
        assertFalse(p.handshake());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, p.clientFailure.alert());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, p.serverFailure.alert());
        assertTrue(p.serverFailure.isReceived());
        assertNull(p.client.session());
    }

    @Test
    void expiredServerCertificateIsCertificateExpired() {
        SslConfig s = SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY)
                .credential(pki.expiredServer.key(), pki.expiredServer.chain()).build();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_0, "SSL_RSA_WITH_RC4_128_SHA").build(), s);
        assertFalse(p.handshake());
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, p.clientFailure.alert());
    }

    @Test
    void hookMayAcceptAnUntrustedServer() {
        List<AlertDescription> seen = new ArrayList<>();
        SslConfig c = SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY)
                .trustAnchors(List.of(pki.otherCa.certificate()))
                .certificateCheck((chain, problem, reason) -> seen.add(problem)).build();
        EnginePair p = new EnginePair(c, server(ProtocolVersion.TLS_1_2).build());
        assertTrue(p.handshake());
        assertEquals(List.of(AlertDescription.CERTIFICATE_UNKNOWN), seen);
    }

    /** RFC 6066: the server picks the certificate that names the host the client asked for. */
    @Test
    void serverNamePicksTheCertificate() {
        SslConfig s = server(ProtocolVersion.TLS_1_2).credential(pki.otherServer.key(), pki.otherServer.chain())
                .build();
        for (String name : List.of("other.localhost", "localhost")) {
            SslConfig c = SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).serverName(name)
                    .trustAnchors(List.of(pki.ca.certificate(), pki.otherCa.certificate())).build();
            EnginePair p = new EnginePair(c, s);
            assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
            assertEquals("CN=" + name,
                    p.client.session().peerCertificates().get(0).getSubjectX500Principal().getName());
        }
    }

    /** RFC 7507: a fallback retry below what the server supports is refused; at its best it is fine. */
    @Test
    void fallbackScsv() {
        SslConfig s = server(ProtocolVersion.TLS_1_2).protocols(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2)
                .build();
        EnginePair low = new EnginePair(client(ProtocolVersion.TLS_1_0, "SSL_RSA_WITH_3DES_EDE_CBC_SHA").fallback()
                .build(), s);
        assertFalse(low.handshake());
        assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, low.serverFailure.alert());
        assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, low.clientFailure.alert());
        EnginePair best = new EnginePair(client(ProtocolVersion.TLS_1_2, "SSL_RSA_WITH_3DES_EDE_CBC_SHA").fallback()
                .build(), s);
        assertTrue(best.handshake());
    }

    @Test
    void noCommonSuiteIsHandshakeFailure() {
        SslConfig s = server(ProtocolVersion.SSL_3_0).cipherSuites("SSL_RSA_WITH_RC4_128_MD5").build();
        EnginePair p = new EnginePair(client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_NULL_SHA").build(), s);
        assertFalse(p.handshake());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.serverFailure.alert());
        assertTrue(p.clientFailure.isReceived());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.clientFailure.alert());
    }

    /** What a user watching the handshake sees: all ten steps with their facts, every message, every alert. */
    @Test
    void listenersSeeEveryStepMessageAndAlert() throws Exception {
        List<String> clientEvents = new ArrayList<>();
        List<String> serverEvents = new ArrayList<>();
        SslConfig c = client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5")
                .credential(pki.client.key(), pki.client.chain()).listener(recorder(clientEvents)).build();
        SslConfig s = server(ProtocolVersion.SSL_3_0).clientAuth(ClientAuth.NEED).listener(recorder(serverEvents))
                .build();
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake());
        p.client.closeOutbound();
        p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
        p.pump(p.server, p.toClient, p.toServer, p.serverApp, false);
        for (List<String> events : List.of(clientEvents, serverEvents)) {
            for (HandshakeStep step : HandshakeStep.values()) {
                assertTrue(events.stream().anyMatch(e -> e.startsWith("step " + step + ":")),
                        () -> step + " missing from " + events);
            }
        }
        assertTrue(clientEvents.contains("sent ClientHello"));
        for (String m : List.of("ServerHello", "Certificate", "CertificateRequest", "ServerHelloDone", "Finished")) {
            assertTrue(clientEvents.contains("received " + m), () -> m + " missing from " + clientEvents);
        }
        for (String m : List.of("Certificate", "ClientKeyExchange", "CertificateVerify", "Finished")) {
            assertTrue(clientEvents.contains("sent " + m), () -> m + " missing from " + clientEvents);
        }
        assertTrue(clientEvents.contains("alert sent warning close_notify"));
        assertTrue(serverEvents.contains("alert received warning close_notify"));
        assertTrue(find(clientEvents, HandshakeStep.SERVER_HELLO).contains("SSL_RSA_WITH_RC4_128_MD5"));
        assertTrue(find(serverEvents, HandshakeStep.SERVER_HELLO).contains("server preference"));
        String auth = find(clientEvents, HandshakeStep.SERVER_AUTHENTICATION);
        assertTrue(auth.contains("CN=localhost") && auth.contains("sslkit test CA") && auth.contains("trusted"), auth);
        assertTrue(find(serverEvents, HandshakeStep.MASTER_SECRET).contains("sslkit test client")
                || serverEvents.stream().anyMatch(e -> e.contains("client authenticated")));
    }

    static SslListener recorder(List<String> events) {
        return new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                events.add("step " + step + ": " + detail);
            }

            @Override
            public void handshakeMessage(boolean sent, String type, int length) {
                events.add((sent ? "sent " : "received ") + type);
            }

            @Override
            public void alert(boolean sent, io.sslkit.api.AlertLevel level, AlertDescription description) {
                events.add("alert " + (sent ? "sent " : "received ") + level + " " + description);
            }
        };
    }

    static String find(List<String> events, HandshakeStep step) {
        return events.stream().filter(e -> e.startsWith("step " + step + ":")).findFirst().orElseThrow();
    }
}
