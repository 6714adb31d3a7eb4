package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Secure renegotiation (RFC 5746) from either side, once switched on; refused when off or impossible. */
class RenegotiationTest {
    static {
        Jsse.LOOPBACK.getHostAddress();
    }

    final TestPki pki = TestPki.get();

    SslConfig.Builder client(ProtocolVersion v) {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(v)
                .trustAnchors(List.of(pki.ca.certificate())).renegotiation(true);
    }

    SslConfig.Builder server(ProtocolVersion v) {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(v)
                .credential(pki.server.key(), pki.server.chain()).renegotiation(true);
    }

    static SslListener countCompletions(AtomicInteger n) {
        return new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                if (step == HandshakeStep.COMPLETE) {
                    n.incrementAndGet();
                }
            }
        };
    }

    /** Pumps until neither engine has anything left to do. */
    static void settle(EnginePair p) {
        for (int i = 0; i < 20; i++) {
            p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
            p.pump(p.server, p.toClient, p.toServer, p.serverApp, false);
        }
    }

    @Test
    void clientInitiated() throws Exception {
        AtomicInteger serverCompletions = new AtomicInteger();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_2).build(),
                server(ProtocolVersion.TLS_1_2).listener(countCompletions(serverCompletions)).build());
        assertTrue(p.handshake());
        p.client.beginHandshake();
        assertEquals(SslEngine.HandshakeStatus.NEED_WRAP, p.client.handshakeStatus());
        settle(p);
        assertEquals(SslEngine.HandshakeStatus.NOT_HANDSHAKING, p.client.handshakeStatus());
        assertEquals(2, serverCompletions.get());
        assertTrue(p.client.session().resumed(), "the renegotiation resumed the session it had");
        assertArrayEquals("after".getBytes(), p.send(true, "after".getBytes()));
        assertArrayEquals("back".getBytes(), p.send(false, "back".getBytes()));
    }

    @Test
    void serverInitiated() throws Exception {
        AtomicInteger clientCompletions = new AtomicInteger();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_0).listener(countCompletions(clientCompletions))
                .build(), server(ProtocolVersion.TLS_1_0).build());
        assertTrue(p.handshake());
        p.server.beginHandshake();
        settle(p);
        assertEquals(2, clientCompletions.get());
        assertArrayEquals("data".getBytes(), p.send(false, "data".getBytes()));
    }

    @Test
    void serverThatRefusesEndsTheClientsRenegotiationOnly() throws Exception {
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_2).build(),
                server(ProtocolVersion.TLS_1_2).renegotiation(false).build());
        assertTrue(p.handshake());
        p.client.beginHandshake();
        settle(p);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.clientFailure.alert());
        assertFalse(p.clientFailure.isReceived());
    }

    @Test
    void clientThatRefusesAnswersNoRenegotiation() throws Exception {
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_2).renegotiation(false).build(),
                server(ProtocolVersion.TLS_1_2).build());
        assertTrue(p.handshake());
        assertThrows(IllegalStateException.class, p.client::beginHandshake);
        p.server.beginHandshake();
        settle(p);
        // the warning leaves the connection as it was
        assertArrayEquals("still".getBytes(), p.send(true, "still".getBytes()));
    }

    /** RFC 5746 renegotiation is on unless switched off, within the default budget. */
    @Test
    void onByDefault() throws Exception {
        SslConfig c = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .trustAnchors(List.of(pki.ca.certificate())).build();
        AtomicInteger serverCompletions = new AtomicInteger();
        SslConfig s = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .credential(pki.server.key(), pki.server.chain()).listener(countCompletions(serverCompletions))
                .build();
        assertTrue(c.renegotiation());
        assertEquals(SslConfig.DEFAULT_MAX_RENEGOTIATIONS_PER_MINUTE, s.maxRenegotiationsPerMinute());
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake());
        p.client.beginHandshake();
        settle(p);
        assertEquals(2, serverCompletions.get());
    }

    /** Beyond the budget our own request is refused, and a peer's is declined while the connection goes on. */
    @Test
    void renegotiationsPerMinuteAreBounded() throws Exception {
        AtomicInteger serverCompletions = new AtomicInteger();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_2).build(),
                server(ProtocolVersion.TLS_1_2).maxRenegotiationsPerMinute(2)
                        .listener(countCompletions(serverCompletions)).build());
        assertTrue(p.handshake());
        for (int i = 0; i < 3; i++) {
            p.client.beginHandshake();
            settle(p);
        }
        assertEquals(3, serverCompletions.get(), "the first handshake and two renegotiations");
        // the server declined the third with a no_renegotiation warning; the client gives up with handshake_failure
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.clientFailure.alert());
        assertFalse(p.clientFailure.isReceived());
        assertTrue(p.serverFailure.isReceived(), "the server itself did not fail: " + p.serverFailure);

        EnginePair q = new EnginePair(client(ProtocolVersion.TLS_1_2).maxRenegotiationsPerMinute(1).build(),
                server(ProtocolVersion.TLS_1_2).build());
        assertTrue(q.handshake());
        q.client.beginHandshake();
        settle(q);
        IllegalStateException e = assertThrows(IllegalStateException.class, q.client::beginHandshake);
        assertTrue(e.getMessage().contains("within a minute"), e.getMessage());
        assertArrayEquals("still".getBytes(), q.send(true, "still".getBytes()));
    }

    /**
     * A renegotiation the server asks for counts once against its budget, not once for the HelloRequest and again
     * for the ClientHello that answers it (found by JsseEngineFuzzTest through the JSSE engine: the server's second
     * request within a minute declined the ClientHello it had asked for, and the client gave up).
     */
    @Test
    void serverInitiatedRenegotiationsCountOnceEach() throws Exception {
        AtomicInteger clientCompletions = new AtomicInteger();
        EnginePair p = new EnginePair(client(ProtocolVersion.TLS_1_2).listener(countCompletions(clientCompletions))
                .build(), server(ProtocolVersion.TLS_1_2).maxRenegotiationsPerMinute(2).build());
        assertTrue(p.handshake());
        for (int i = 0; i < 2; i++) {
            p.server.beginHandshake();
            settle(p);
        }
        assertEquals(3, clientCompletions.get(), "the first handshake and two renegotiations");
        assertEquals(null, p.clientFailure);
        assertEquals(null, p.serverFailure);
        IllegalStateException e = assertThrows(IllegalStateException.class, p.server::beginHandshake);
        assertTrue(e.getMessage().contains("within a minute"), e.getMessage());
        assertArrayEquals("still".getBytes(), p.send(false, "still".getBytes()));
    }

    @Test
    void ssl3NeverRenegotiates() {
        EnginePair p = new EnginePair(client(ProtocolVersion.SSL_3_0).build(), server(ProtocolVersion.SSL_3_0).build());
        assertTrue(p.handshake());
        assertThrows(IllegalStateException.class, p.client::beginHandshake);
        assertThrows(IllegalStateException.class, p.server::beginHandshake);
    }

    @Test
    void ourClientRenegotiatesWithJsse() throws Exception {
        String suite = "TLS_RSA_WITH_AES_128_CBC_SHA";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), "TLSv1.2", suite);
        CompletableFuture<List<SSLSession>> server = JsseSsl3InteropTest.jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                client(ProtocolVersion.TLS_1_2).cipherSuites(suite).build())) {
            s.socket().setSoTimeout(20_000);
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(10_000, 1));
            s.renegotiate();
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(10_000, 2));
        }
        server.get(30, TimeUnit.SECONDS);
    }

    @Test
    void jsseClientRenegotiatesWithUs() throws Exception {
        String suite = "TLS_RSA_WITH_AES_128_CBC_SHA";
        ServerSocket ss = JsseSsl3InteropTest.listen();
        AtomicInteger completions = new AtomicInteger();
        CompletableFuture<List<SslSession>> server = JsseSsl3InteropTest.ourEchoServer(ss,
                server(ProtocolVersion.TLS_1_2).listener(countCompletions(completions)).build(), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(null, pki.ca.certificate()), ss.getLocalPort(), "TLSv1.2",
                suite)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(10_000, 3));
            s.startHandshake();
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(10_000, 4));
        }
        server.get(30, TimeUnit.SECONDS);
        assertEquals(2, completions.get());
    }
}
