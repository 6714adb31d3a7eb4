package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSL 3.0 against SunJSSE in this JVM over 127.0.0.1, both directions: our client with a JSSE server, a JSSE client
 * with our server.
 */
class JsseSsl3InteropTest {
    static final String SSL3 = "SSLv3";
    static final int MIB = 1 << 20;
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.fromServiceLoader(
            JsseSsl3InteropTest.class.getClassLoader());

    static {
        // touch Jsse first: its static initializer re-enables SSL 3.0 before JSSE loads
        Jsse.LOOPBACK.getHostAddress();
    }

    final TestPki pki = TestPki.get();

    SslConfig.Builder ourClient(String suite) {
        return SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).protocols(ProtocolVersion.SSL_3_0)
                .cipherSuites(suite).trustAnchors(List.of(pki.ca.certificate()));
    }

    SslConfig.Builder ourServer(String suite) {
        return SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY).protocols(ProtocolVersion.SSL_3_0)
                .cipherSuites(suite).credential(pki.server.key(), pki.server.chain())
                .trustAnchors(List.of(pki.ca.certificate()));
    }

    /** A JSSE server that accepts {@code connections} connections and echoes each; completes with its sessions. */
    static CompletableFuture<List<SSLSession>> jsseEchoServer(SSLServerSocket ss, int connections) {
        return CompletableFuture.supplyAsync(() -> {
            List<SSLSession> sessions = new ArrayList<>();
            try (ss) {
                for (int i = 0; i < connections; i++) {
                    try (SSLSocket s = (SSLSocket) ss.accept()) {
                        s.setSoTimeout(20_000);
                        s.startHandshake();
                        sessions.add(s.getSession());
                        Echo.echo(s.getInputStream(), s.getOutputStream());
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            return sessions;
        }, JsseSsl3InteropTest::thread);
    }

    /** Our server: accepts {@code connections} connections and echoes each; completes with its sessions. */
    static CompletableFuture<List<SslSession>> ourEchoServer(ServerSocket ss, SslConfig config, int connections) {
        return CompletableFuture.supplyAsync(() -> {
            List<SslSession> sessions = new ArrayList<>();
            try (ss) {
                for (int i = 0; i < connections; i++) {
                    try (SslSocket s = SslSocket.accept(ss, config)) {
                        s.socket().setSoTimeout(20_000);
                        s.startHandshake();
                        sessions.add(s.session());
                        Echo.echo(s.getInputStream(), s.getOutputStream());
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            return sessions;
        }, JsseSsl3InteropTest::thread);
    }

    static void thread(Runnable r) {
        Thread t = new Thread(r, "test-server");
        t.setDaemon(true);
        t.start();
    }

    static ServerSocket listen() throws Exception {
        return new ServerSocket(0, 50, Jsse.LOOPBACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_DES_CBC_SHA",
        "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_NULL_MD5", "SSL_RSA_WITH_NULL_SHA"})
    void ourClientWithJsseServer(String suite) throws Exception {
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), SSL3, suite);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 1);
        List<HandshakeStep> steps = Collections.synchronizedList(new ArrayList<>());
        SslConfig config = ourClient(suite).listener(new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                steps.add(step);
            }
        }).build();
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(), config)) {
            s.socket().setSoTimeout(20_000);
            s.startHandshake();
            assertEquals(ProtocolVersion.SSL_3_0, s.session().protocol());
            assertEquals(suite, s.session().cipherSuite().name());
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(MIB, suite.hashCode()));
            s.shutdownOutput();
            assertEquals(-1, s.getInputStream().read());
            assertTrue(s.closeNotifyReceived(), "JSSE answers our close_notify with its own");
        }
        SSLSession jsse = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(SSL3, jsse.getProtocol());
        assertEquals(suite, jsse.getCipherSuite());
        assertEquals(HandshakeStep.COMPLETE, steps.get(steps.size() - 1));
        assertTrue(steps.containsAll(Arrays.asList(HandshakeStep.CLIENT_HELLO, HandshakeStep.SERVER_HELLO,
                HandshakeStep.SERVER_AUTHENTICATION, HandshakeStep.PRE_MASTER_SECRET, HandshakeStep.MASTER_SECRET,
                HandshakeStep.SESSION_KEYS, HandshakeStep.CLIENT_FINISHED, HandshakeStep.SERVER_FINISHED)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_DES_CBC_SHA",
        "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_NULL_MD5", "SSL_RSA_WITH_NULL_SHA"})
    void jsseClientWithOurServer(String suite) throws Exception {
        ServerSocket ss = listen();
        CompletableFuture<List<SslSession>> server = ourEchoServer(ss, ourServer(suite).build(), 1);
        SSLContext ctx = Jsse.context(null, pki.ca.certificate());
        try (SSLSocket s = Jsse.client(ctx, ss.getLocalPort(), SSL3, suite)) {
            s.startHandshake();
            assertEquals(SSL3, s.getSession().getProtocol());
            assertEquals(suite, s.getSession().getCipherSuite());
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(MIB, suite.hashCode() + 1));
        }
        SslSession ours = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(ProtocolVersion.SSL_3_0, ours.protocol());
        assertEquals(suite, ours.cipherSuite().name());
    }

    /** A peer that just drops the connection has truncated it: no close_notify, and no resumption afterwards. */
    @Test
    void truncationIsSeenAndTheSessionForgotten() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        SSLContext ctx = Jsse.context(pki.server, pki.ca.certificate());
        ServerSocket plain = listen();
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            try (plain) {
                for (int i = 0; i < 2; i++) {
                    try (java.net.Socket raw = plain.accept()) {
                        // JSSE layered over a socket it does not own: closing the socket sends no close_notify
                        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, null, false);
                        s.setEnabledProtocols(new String[] {SSL3});
                        s.setEnabledCipherSuites(new String[] {suite});
                        s.startHandshake();
                        s.getOutputStream().write('x');
                        s.getOutputStream().flush();
                        s.getInputStream().read();
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, JsseSsl3InteropTest::thread);
        SslConfig config = ourClient(suite).build();
        for (int i = 0; i < 2; i++) {
            try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), plain.getLocalPort(), config)) {
                s.socket().setSoTimeout(20_000);
                assertEquals('x', s.getInputStream().read());
                assertFalse(s.session().resumed(), "a truncated session must not be resumed");
                s.getOutputStream().write('y');
                assertEquals(-1, s.getInputStream().read());
                assertFalse(s.closeNotifyReceived());
            }
        }
        server.get(30, TimeUnit.SECONDS);
    }

    @Test
    void ourClientAuthenticatesToJsseServer() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_SHA";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), SSL3, suite);
        ss.setNeedClientAuth(true);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 1);
        SslConfig config = ourClient(suite).credential(pki.client.key(), pki.client.chain()).build();
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(), config)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(4096, 7));
        }
        SSLSession jsse = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(pki.client.certificate(), jsse.getPeerCertificates()[0]);
    }

    @Test
    void jsseServerThatNeedsACertificateRefusesOurClientWithout() throws Exception {
        String suite = "SSL_RSA_WITH_3DES_EDE_CBC_SHA";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), SSL3, suite);
        ss.setNeedClientAuth(true);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                ourClient(suite).build())) {
            s.socket().setSoTimeout(20_000);
            SslAlertException e = assertThrows(SslAlertException.class, s::startHandshake);
            assertTrue(e.isReceived());
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        }
        Throwable t = assertThrows(Exception.class, () -> server.get(30, TimeUnit.SECONDS));
        assertTrue(rootCause(t) instanceof SSLHandshakeException, () -> "got " + t);
    }

    @Test
    void jsseClientAuthenticatesToOurServer() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        ServerSocket ss = listen();
        CompletableFuture<List<SslSession>> server = ourEchoServer(ss,
                ourServer(suite).clientAuth(ClientAuth.NEED).build(), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(pki.client, pki.ca.certificate()), ss.getLocalPort(), SSL3,
                suite)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(4096, 8));
        }
        SslSession ours = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(pki.client.certificate(), ours.peerCertificates().get(0));
    }

    @Test
    void ourServerThatNeedsACertificateRefusesJsseClientWithout() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        ServerSocket ss = listen();
        CompletableFuture<List<SslSession>> server = ourEchoServer(ss,
                ourServer(suite).clientAuth(ClientAuth.NEED).build(), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(null, pki.ca.certificate()), ss.getLocalPort(), SSL3, suite)) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, s::startHandshake);
            assertTrue(e.getMessage().contains("handshake_failure"), e::getMessage);
        }
        SslAlertException e = alertOf(server);
        assertFalse(e.isReceived());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
    }

    @Test
    void ourClientResumesWithJsseServer() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_SHA";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), SSL3, suite);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 2);
        SslConfig config = ourClient(suite).build();
        List<SslSession> sessions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(), config)) {
                Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(1000, i));
                sessions.add(s.session());
            }
        }
        assertFalse(sessions.get(0).resumed());
        assertTrue(sessions.get(1).resumed());
        assertEquals(Arrays.toString(sessions.get(0).id()), Arrays.toString(sessions.get(1).id()));
        List<SSLSession> jsse = server.get(30, TimeUnit.SECONDS);
        assertEquals(Arrays.toString(jsse.get(0).getId()), Arrays.toString(jsse.get(1).getId()));
    }

    @Test
    void jsseClientResumesWithOurServer() throws Exception {
        String suite = "SSL_RSA_WITH_3DES_EDE_CBC_SHA";
        ServerSocket ss = listen();
        CompletableFuture<List<SslSession>> server = ourEchoServer(ss, ourServer(suite).build(), 2);
        SSLContext ctx = Jsse.context(null, pki.ca.certificate());
        for (int i = 0; i < 2; i++) {
            try (SSLSocket s = Jsse.client(ctx, ss.getLocalPort(), SSL3, suite)) {
                Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(1000, i));
            }
        }
        List<SslSession> ours = server.get(30, TimeUnit.SECONDS);
        assertFalse(ours.get(0).resumed());
        assertTrue(ours.get(1).resumed());
    }

    @Test
    void ourClientRefusesJsseServerFromAnotherCa() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.otherServer, pki.ca.certificate()), SSL3, suite);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                ourClient(suite).build())) {
            SslAlertException e = assertThrows(SslAlertException.class, s::startHandshake);
            assertFalse(e.isReceived());
            assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, e.alert());
        }
        Throwable t = assertThrows(Exception.class, () -> server.get(30, TimeUnit.SECONDS));
        assertTrue(rootCause(t).getMessage().contains("certificate_unknown"), () -> "got " + rootCause(t));
    }

    @Test
    void jsseClientRefusesOurServerWhenItTrustsAnotherCa() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        ServerSocket ss = listen();
        CompletableFuture<List<SslSession>> server = ourEchoServer(ss, ourServer(suite).build(), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(null, pki.otherCa.certificate()), ss.getLocalPort(), SSL3,
                suite)) {
            assertThrows(SSLHandshakeException.class, s::startHandshake);
        }
        SslAlertException e = alertOf(server);
        assertTrue(e.isReceived());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, e.alert());
    }

    @Test
    void ourClientRefusesAnExpiredJsseServerCertificate() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.expiredServer, pki.ca.certificate()), SSL3, suite);
        CompletableFuture<List<SSLSession>> server = jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                ourClient(suite).build())) {
            SslAlertException e = assertThrows(SslAlertException.class, s::startHandshake);
            assertEquals(AlertDescription.CERTIFICATE_EXPIRED, e.alert());
        }
        assertThrows(Exception.class, () -> server.get(30, TimeUnit.SECONDS));
        assertNotEquals(null, server);
    }

    static SslAlertException alertOf(CompletableFuture<?> server) {
        Throwable t = assertThrows(Exception.class, () -> server.get(30, TimeUnit.SECONDS));
        Throwable c = rootCause(t);
        assertTrue(c instanceof SslAlertException, () -> "got " + c);
        return (SslAlertException) c;
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
