package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/** The SSLEngine contract, each point asserted with SunJSSE's engine as the peer. */
class EngineContractTest {
    private static final TestPki PKI = TestPki.get();

    private static SSLEngine sslkitClient(SSLContext ctx) {
        SSLEngine e = ctx.createSSLEngine("localhost", 443);
        e.setUseClientMode(true);
        return e;
    }

    private static SSLEngine sunServer(TestPki.Identity id) throws Exception {
        SSLEngine e = PKI.sunJsse(id).createSSLEngine();
        e.setUseClientMode(false);
        return e;
    }

    private static EnginePump connected() throws Exception {
        EnginePump p = new EnginePump(sslkitClient(PKI.sslkit("TLS", null)), sunServer(PKI.server));
        p.handshake();
        return p;
    }

    @Test
    void sslkitClientHandshakesWithSunJsseAndReportsFinishedOnce() throws Exception {
        EnginePump p = connected();
        assertEquals(1, p.clientFinished);
        SSLSession s = p.client.getSession();
        assertTrue(s.isValid());
        assertEquals("TLSv1.2", s.getProtocol());
        assertEquals(p.server.getSession().getCipherSuite(), s.getCipherSuite());
        assertEquals(PKI.server.chain()[0], s.getPeerCertificates()[0]);
        assertEquals("localhost", s.getPeerHost());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, p.client.getHandshakeStatus());
        assertNull(p.client.getHandshakeSession());
        assertEquals("", p.client.getApplicationProtocol());
        byte[] hello = "hello from sslkit".getBytes();
        assertArrayEquals(hello, EnginePump.transfer(p.client, p.server, hello));
        byte[] answer = "hello from SunJSSE".getBytes();
        assertArrayEquals(answer, EnginePump.transfer(p.server, p.client, answer));
    }

    @Test
    void sunJsseClientHandshakesWithSslkitServerAndClientAuthentication() throws Exception {
        SSLEngine client = PKI.sunJsse(PKI.client).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sslkit("TLS", PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        server.setNeedClientAuth(true);
        EnginePump p = new EnginePump(client, server);
        p.handshake();
        assertEquals(1, p.serverFinished);
        SSLSession s = server.getSession();
        assertEquals("TLSv1.2", s.getProtocol());
        assertEquals(client.getSession().getCipherSuite(), s.getCipherSuite());
        assertEquals(PKI.client.chain()[0], s.getPeerCertificates()[0]);
        assertEquals(PKI.server.chain()[0], s.getLocalCertificates()[0]);
        byte[] data = new byte[40_000];
        new Random(1).nextBytes(data);
        assertArrayEquals(data, EnginePump.transfer(client, server, data));
        assertArrayEquals(data, EnginePump.transfer(server, client, data));
    }

    @Test
    void sessionKnowsBufferSizesBeforeTheHandshakeAndTheyAreEnough() throws Exception {
        SSLEngine fresh = sslkitClient(PKI.sslkit("TLS", null));
        SSLSession before = fresh.getSession();
        assertFalse(before.isValid());
        assertEquals("SSL_NULL_WITH_NULL_NULL", before.getCipherSuite());
        assertTrue(before.getPacketBufferSize() >= 16384 + 5);
        assertEquals(16384, before.getApplicationBufferSize());

        EnginePump p = connected();
        ByteBuffer src = ByteBuffer.wrap(new byte[50_000]);
        ByteBuffer wire = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        SSLEngineResult r = p.client.wrap(src, wire);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(16384, r.bytesConsumed(), "one full record per wrap");
        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(p.server.getSession().getApplicationBufferSize());
        assertEquals(Status.OK, p.server.unwrap(wire, app).getStatus());
        assertEquals(16384, app.position());

        ByteBuffer back = ByteBuffer.allocate(p.server.getSession().getPacketBufferSize());
        p.server.wrap(ByteBuffer.wrap(new byte[16384]), back);
        back.flip();
        ByteBuffer mine = ByteBuffer.allocate(p.client.getSession().getApplicationBufferSize());
        SSLEngineResult u = p.client.unwrap(back, mine);
        assertEquals(Status.OK, u.getStatus());
        assertEquals(16384, u.bytesProduced());
    }

    @Test
    void partialRecordIsBufferUnderflowAndConsumesNothing() throws Exception {
        EnginePump p = connected();
        ByteBuffer wire = ByteBuffer.allocate(p.server.getSession().getPacketBufferSize());
        p.server.wrap(ByteBuffer.wrap("a whole record".getBytes()), wire);
        wire.flip();
        byte[] record = new byte[wire.remaining()];
        wire.get(record);
        ByteBuffer app = ByteBuffer.allocate(p.client.getSession().getApplicationBufferSize());
        for (int cut : new int[] {0, 3, record.length - 1}) {
            ByteBuffer part = ByteBuffer.wrap(record, 0, cut);
            SSLEngineResult r = p.client.unwrap(part, app);
            assertEquals(Status.BUFFER_UNDERFLOW, r.getStatus(), "cut at " + cut);
            assertEquals(0, r.bytesConsumed());
            assertEquals(0, r.bytesProduced());
        }
        SSLEngineResult r = p.client.unwrap(ByteBuffer.wrap(record), app);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(record.length, r.bytesConsumed());
        assertEquals("a whole record", new String(app.array(), 0, app.position()));
    }

    @Test
    void tooSmallDestinationIsBufferOverflowAndConsumesNothing() throws Exception {
        EnginePump p = connected();
        ByteBuffer src = ByteBuffer.wrap("some application data".getBytes());
        SSLEngineResult w = p.client.wrap(src, ByteBuffer.allocate(100));
        assertEquals(Status.BUFFER_OVERFLOW, w.getStatus());
        assertEquals(0, w.bytesConsumed());
        assertEquals(0, src.position());

        ByteBuffer wire = ByteBuffer.allocate(p.server.getSession().getPacketBufferSize());
        p.server.wrap(ByteBuffer.wrap("some application data".getBytes()), wire);
        wire.flip();
        int size = wire.remaining();
        SSLEngineResult u = p.client.unwrap(wire, ByteBuffer.allocate(4));
        assertEquals(Status.BUFFER_OVERFLOW, u.getStatus());
        assertEquals(0, u.bytesConsumed());
        assertEquals(size, wire.remaining());
        ByteBuffer app = ByteBuffer.allocate(p.client.getSession().getApplicationBufferSize());
        assertEquals(Status.OK, p.client.unwrap(wire, app).getStatus());
        assertEquals("some application data", new String(app.array(), 0, app.position()));
    }

    @Test
    void handshakeOutputThatDoesNotFitIsBufferOverflow() throws Exception {
        SSLEngine e = sslkitClient(PKI.sslkit("TLS", null));
        e.beginHandshake();
        assertEquals(HandshakeStatus.NEED_WRAP, e.getHandshakeStatus());
        SSLEngineResult r = e.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(10));
        assertEquals(Status.BUFFER_OVERFLOW, r.getStatus());
        assertEquals(HandshakeStatus.NEED_WRAP, r.getHandshakeStatus());
        ByteBuffer wire = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
        r = e.wrap(ByteBuffer.allocate(0), wire);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(22, wire.get(0), "a handshake record, whole");
        assertEquals(wire.position(), 5 + ((wire.get(3) & 0xFF) << 8 | (wire.get(4) & 0xFF)));
        assertEquals(HandshakeStatus.NEED_UNWRAP, r.getHandshakeStatus());
    }

    @Test
    void closeSequenceExchangesCloseNotify() throws Exception {
        EnginePump p = connected();
        p.client.closeOutbound();
        assertEquals(HandshakeStatus.NEED_WRAP, p.client.getHandshakeStatus());
        assertFalse(p.client.isOutboundDone());
        ByteBuffer wire = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        SSLEngineResult r = p.client.wrap(ByteBuffer.allocate(0), wire);
        assertEquals(Status.CLOSED, r.getStatus());
        assertTrue(r.bytesProduced() > 0);
        assertTrue(p.client.isOutboundDone());
        assertFalse(p.client.isInboundDone());
        assertEquals(HandshakeStatus.NEED_UNWRAP, r.getHandshakeStatus());
        SSLEngineResult again = p.client.wrap(ByteBuffer.wrap(new byte[10]), ByteBuffer.allocate(1000));
        assertEquals(Status.CLOSED, again.getStatus());
        assertEquals(0, again.bytesConsumed());

        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(16384);
        assertEquals(Status.CLOSED, p.server.unwrap(wire, app).getStatus());
        assertTrue(p.server.isInboundDone());
        ByteBuffer reply = ByteBuffer.allocate(p.server.getSession().getPacketBufferSize());
        SSLEngineResult sr = p.server.wrap(ByteBuffer.allocate(0), reply);
        assertEquals(Status.CLOSED, sr.getStatus());
        reply.flip();

        SSLEngineResult cr = p.client.unwrap(reply, app);
        assertEquals(Status.CLOSED, cr.getStatus());
        assertTrue(p.client.isInboundDone());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, p.client.getHandshakeStatus());
        p.client.closeInbound();
        assertEquals(Status.CLOSED, p.client.unwrap(ByteBuffer.allocate(0), app).getStatus());
    }

    @Test
    void peerCloseNotifyIsAnsweredWithOurs() throws Exception {
        EnginePump p = connected();
        p.server.closeOutbound();
        ByteBuffer wire = ByteBuffer.allocate(p.server.getSession().getPacketBufferSize());
        p.server.wrap(ByteBuffer.allocate(0), wire);
        wire.flip();
        SSLEngineResult r = p.client.unwrap(wire, ByteBuffer.allocate(16384));
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(HandshakeStatus.NEED_WRAP, r.getHandshakeStatus());
        ByteBuffer reply = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        SSLEngineResult w = p.client.wrap(ByteBuffer.allocate(0), reply);
        assertEquals(Status.CLOSED, w.getStatus());
        assertTrue(w.bytesProduced() > 0);
        assertTrue(p.client.isOutboundDone());
        assertTrue(p.client.isInboundDone());
    }

    /**
     * Closing either direction before the handshake started ends the engine for good: wrap and unwrap say CLOSED
     * and move nothing, both directions are done and stay so, beginHandshake refuses (found by JsseEngineFuzzTest:
     * a later wrap or unwrap used to start the handshake, and isInboundDone went back to false).
     */
    @Test
    void anEngineClosedBeforeItsHandshakeNeverStartsOne() throws Exception {
        ByteBuffer wire = ByteBuffer.allocate(20_000);
        sslkitClient(PKI.sslkit("TLS", null)).wrap(ByteBuffer.allocate(0), wire);
        byte[] clientHello = Arrays.copyOf(wire.array(), wire.position());
        for (boolean inbound : new boolean[] {true, false}) {
            for (boolean client : new boolean[] {true, false}) {
                SSLEngine e = client ? sslkitClient(PKI.sslkit("TLS", null))
                        : PKI.sslkit("TLS", PKI.server).createSSLEngine();
                e.setUseClientMode(client);
                String what = (client ? "client" : "server") + (inbound ? ", closeInbound" : ", closeOutbound");
                if (inbound) {
                    e.closeInbound();
                } else {
                    e.closeOutbound();
                }
                for (int round = 0; round < 2; round++) {
                    assertTrue(e.isInboundDone(), what);
                    assertTrue(e.isOutboundDone(), what);
                    assertEquals(HandshakeStatus.NOT_HANDSHAKING, e.getHandshakeStatus(), what);
                    SSLEngineResult w = e.wrap(ByteBuffer.wrap(new byte[10]),
                            ByteBuffer.allocate(e.getSession().getPacketBufferSize()));
                    assertEquals(Status.CLOSED, w.getStatus(), what);
                    assertEquals(0, w.bytesConsumed() + w.bytesProduced(), what);
                    ByteBuffer in = ByteBuffer.wrap(clientHello);
                    SSLEngineResult u = e.unwrap(in, ByteBuffer.allocate(e.getSession().getApplicationBufferSize()));
                    assertEquals(Status.CLOSED, u.getStatus(), what);
                    assertEquals(0, u.bytesConsumed() + u.bytesProduced(), what);
                }
                assertThrows(SSLException.class, e::beginHandshake, what);
                assertTrue(e.isInboundDone() && e.isOutboundDone(), what);
            }
        }
    }

    @Test
    void closeInboundWithoutCloseNotifyIsATruncation() throws Exception {
        EnginePump p = connected();
        SSLException e = assertThrows(SSLException.class, p.client::closeInbound);
        assertTrue(e.getMessage().contains("truncation"), e.getMessage());
        assertTrue(p.client.isInboundDone());
        assertEquals(HandshakeStatus.NEED_WRAP, p.client.getHandshakeStatus(), "our close_notify follows");
    }

    @Test
    void modeMustBeSetBeforeTheHandshake() throws Exception {
        SSLEngine e = PKI.sslkit("TLS", null).createSSLEngine();
        assertThrows(IllegalStateException.class, e::beginHandshake);
        e.setUseClientMode(true);
        e.beginHandshake();
        assertThrows(IllegalArgumentException.class, () -> e.setUseClientMode(false));
    }

    @Test
    void untrustedServerIsRefusedWithTheTrustManagersReason() throws Exception {
        EnginePump p = new EnginePump(sslkitClient(PKI.sslkit("TLS", null)), sunServer(PKI.strangerServer));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, p::handshake);
        assertInstanceOf(CertificateException.class, e.getCause());
        assertTrue(e.getMessage().contains("unknown_ca"), e.getMessage());
        // the fatal alert waits for the next wrap, as frameworks expect after a failure
        assertEquals(HandshakeStatus.NEED_WRAP, p.client.getHandshakeStatus());
        SSLEngineResult alert = p.client.wrap(ByteBuffer.allocate(0), p.toServer);
        assertTrue(alert.bytesProduced() > 0);
        assertTrue(p.client.isOutboundDone());
        assertTrue(p.client.isInboundDone());
        p.toServer.flip();
        SSLException peer = assertThrows(SSLException.class,
                () -> p.server.unwrap(p.toServer, ByteBuffer.allocate(16384)));
        assertTrue(peer.getMessage().contains("unknown_ca"), peer.getMessage());
    }

    @Test
    void expiredServerIsRefused() throws Exception {
        EnginePump p = new EnginePump(sslkitClient(PKI.sslkit("TLS", null)), sunServer(PKI.expiredServer));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, p::handshake);
        assertTrue(e.getMessage().contains("certificate_expired"), e.getMessage());
    }

    @Test
    void endpointIdentificationChecksTheHostName() throws Exception {
        SSLContext ctx = PKI.sslkit("TLS", null);
        SSLEngine wrong = ctx.createSSLEngine("wrong.example", 443);
        wrong.setUseClientMode(true);
        SSLParameters params = wrong.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        wrong.setSSLParameters(params);
        EnginePump bad = new EnginePump(wrong, sunServer(PKI.server));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, bad::handshake);
        assertInstanceOf(CertificateException.class, e.getCause());

        SSLEngine right = ctx.createSSLEngine("localhost", 443);
        right.setUseClientMode(true);
        right.setSSLParameters(params);
        new EnginePump(right, sunServer(PKI.server)).handshake();
        assertTrue(right.getSession().isValid());
    }

    @Test
    void trustManagerSeesTheHandshakeSessionAndServerNames() throws Exception {
        X509ExtendedTrustManager real = (X509ExtendedTrustManager) PKI.trustManagers()[0];
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        X509ExtendedTrustManager spy = new X509ExtendedTrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                SSLSession hs = engine.getHandshakeSession();
                seen.add(authType + " " + hs.getProtocol() + " " + hs.getCipherSuite() + " " + hs.getPeerHost() + " "
                        + ((javax.net.ssl.ExtendedSSLSession) hs).getRequestedServerNames());
                real.checkServerTrusted(chain, authType, engine);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                real.checkClientTrusted(chain, authType, engine);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s)
                    throws CertificateException {
                real.checkServerTrusted(chain, authType, s);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s)
                    throws CertificateException {
                real.checkClientTrusted(chain, authType, s);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                real.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                real.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return real.getAcceptedIssuers();
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.2", new SslkitProvider());
        ctx.init(null, new TrustManager[] {spy}, null);
        SSLEngine client = ctx.createSSLEngine("www.example.org", 443);
        client.setUseClientMode(true);
        EnginePump p = new EnginePump(client, sunServer(PKI.server));
        p.handshake();
        assertEquals(List.of(new SNIHostName("www.example.org")),
                ((javax.net.ssl.ExtendedSSLSession) p.server.getSession()).getRequestedServerNames());
        assertEquals(1, seen.size());
        String suite = client.getSession().getCipherSuite();
        assertEquals("RSA TLSv1.2 " + suite + " www.example.org [" + new SNIHostName("www.example.org") + "]",
                seen.get(0));
    }

    @Test
    void sessionsAreCachedAndResumed() throws Exception {
        SSLContext clientCtx = PKI.sslkit("TLS", null);
        SSLContext serverCtx = PKI.sslkit("TLS", PKI.server);
        SSLSession[] sessions = new SSLSession[2];
        SSLSession[] serverSessions = new SSLSession[2];
        for (int i = 0; i < 2; i++) {
            SSLEngine c = clientCtx.createSSLEngine("localhost", 8443);
            c.setUseClientMode(true);
            SSLEngine s = serverCtx.createSSLEngine();
            s.setUseClientMode(false);
            EnginePump p = new EnginePump(c, s);
            p.handshake();
            assertEquals(1, p.clientFinished);
            assertEquals(1, p.serverFinished);
            sessions[i] = c.getSession();
            serverSessions[i] = s.getSession();
        }
        assertSame(sessions[0], sessions[1], "the client resumed the session");
        assertSame(serverSessions[0], serverSessions[1], "the server resumed the session");
        assertArrayEquals(sessions[0].getId(), serverSessions[0].getId());
        assertSame(serverSessions[0], serverCtx.getServerSessionContext().getSession(serverSessions[0].getId()));
        assertTrue(Collections.list(clientCtx.getClientSessionContext().getIds()).stream()
                .anyMatch(id -> java.util.Arrays.equals(id, sessions[0].getId())));
        assertNotNull(sessions[0].getSessionContext());
        sessions[0].putValue("k", "v");
        assertEquals("v", sessions[1].getValue("k"));
        sessions[0].invalidate();
        assertFalse(sessions[0].isValid());
        assertNull(clientCtx.getClientSessionContext().getSession(sessions[0].getId()));
        SSLEngine c = clientCtx.createSSLEngine("localhost", 8443);
        c.setUseClientMode(true);
        SSLEngine s = serverCtx.createSSLEngine();
        s.setUseClientMode(false);
        new EnginePump(c, s).handshake();
        assertNotSame(sessions[0], c.getSession(), "an invalidated session is not resumed");
        assertFalse(java.util.Arrays.equals(sessions[0].getId(), c.getSession().getId()));
        assertTrue(c.getSession().isValid());
    }

    /** As with SunJSSE, the key manager is asked on ClientHello: a server without a key fails then, clearly. */
    @Test
    void serverWithoutKeyFailsTheHandshakeClearly() throws Exception {
        SSLEngine server = PKI.sslkit("TLS", null).createSSLEngine();
        server.setUseClientMode(false);
        server.beginHandshake();
        EnginePump p = new EnginePump(sslkitClient(PKI.sslkit("TLS", null)), server);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, p::handshake);
        assertTrue(e.getMessage().contains("no RSA credential") && e.getMessage().contains("handshake_failure"),
                e.getMessage());
    }

    @Test
    void serverChoosesTheKeyManagersAliasPerKeyType() throws Exception {
        SSLContext serverCtx = SSLContext.getInstance("TLS", new SslkitProvider());
        serverCtx.init(TestPki.keyManagers(PKI.server, PKI.dsaServer), PKI.trustManagers(), null);
        for (String suite : List.of("TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256")) {
            SSLEngine client = sslkitClient(PKI.sslkit("TLS", null));
            client.setEnabledCipherSuites(new String[] {suite});
            SSLEngine server = serverCtx.createSSLEngine();
            server.setUseClientMode(false);
            new EnginePump(client, server).handshake();
            assertEquals(suite, client.getSession().getCipherSuite());
            String expected = suite.contains("DSS") ? "DSA" : "RSA";
            assertEquals(expected, ((X509Certificate) client.getSession().getPeerCertificates()[0]).getPublicKey()
                    .getAlgorithm());
        }
    }

    @Test
    void plainX509TrustManagerGetsEndpointIdentificationFromSslkit() throws Exception {
        javax.net.ssl.X509TrustManager real = (javax.net.ssl.X509TrustManager) PKI.trustManagers()[0];
        javax.net.ssl.X509TrustManager plain = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                real.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                real.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return real.getAcceptedIssuers();
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS", new SslkitProvider());
        ctx.init(null, new TrustManager[] {plain}, null);
        SSLParameters https = new SSLParameters();
        https.setEndpointIdentificationAlgorithm("HTTPS");
        for (String host : List.of("localhost", "127.0.0.1", "other.example")) {
            SSLEngine client = ctx.createSSLEngine(host, 443);
            client.setUseClientMode(true);
            client.setSSLParameters(https);
            EnginePump p = new EnginePump(client, sunServer(PKI.server));
            if (host.equals("other.example")) {
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, p::handshake);
                assertTrue(e.getCause().getMessage().contains("other.example"), e.getCause().getMessage());
            } else {
                p.handshake();
                assertTrue(client.getSession().isValid(), host);
            }
        }
    }

    @Test
    void pkixKeyManagerChoosesThroughTheHandshakeSession() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("rsa", PKI.server.key(), "pw".toCharArray(), PKI.server.chain());
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "pw".toCharArray());
        SSLContext serverCtx = SSLContext.getInstance("TLS", new SslkitProvider());
        serverCtx.init(kmf.getKeyManagers(), PKI.trustManagers(), null);
        SSLEngine server = serverCtx.createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = PKI.sunJsse(null).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        new EnginePump(client, server).handshake();
        assertEquals(PKI.server.chain()[0], client.getSession().getPeerCertificates()[0]);
    }

    @Test
    void serverNamesFromSslParametersAreSent() throws Exception {
        SSLEngine client = PKI.sslkit("TLS", null).createSSLEngine();
        client.setUseClientMode(true);
        SSLParameters params = client.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName("api.example.com")));
        client.setSSLParameters(params);
        assertEquals(List.of(new SNIHostName("api.example.com")), client.getSSLParameters().getServerNames());
        EnginePump p = new EnginePump(client, sunServer(PKI.server));
        p.handshake();
        assertEquals(List.of(new SNIHostName("api.example.com")),
                ((javax.net.ssl.ExtendedSSLSession) p.server.getSession()).getRequestedServerNames());
    }
}
