package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** SSLSocket and SSLServerSocket: SSLKIT on both sides, and each side against SunJSSE. */
class SocketPairTest {
    private static final TestPki PKI = TestPki.get();
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static SSLServerSocket listen(SSLContext ctx) throws IOException {
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        ss.setSoTimeout(20_000);
        return ss;
    }

    /** Accepts {@code connections} connections and echoes each one's bytes until it closes. */
    private static Future<SSLSession[]> echo(SSLServerSocket ss, int connections) {
        return POOL.submit(() -> {
            SSLSession[] sessions = new SSLSession[connections];
            for (int i = 0; i < connections; i++) {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                    }
                    sessions[i] = ((SSLSocket) s).getSession();
                }
            }
            return sessions;
        });
    }

    private static SSLSocket connect(SSLContext ctx, int port) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", port);
        s.setSoTimeout(20_000);
        return s;
    }

    private static void roundTrip(SSLSocket s, byte[] data) throws IOException {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, POOL);
        byte[] back = new byte[data.length];
        new DataInputStream(s.getInputStream()).readFully(back);
        writer.join();
        assertArrayEquals(data, back);
    }

    @Test
    void sslkitPairWithClientAuthenticationAndResumption() throws Exception {
        SSLContext serverCtx = PKI.sslkit("TLS", PKI.server);
        SSLContext clientCtx = PKI.sslkit("TLS", PKI.client);
        try (SSLServerSocket ss = listen(serverCtx)) {
            ss.setNeedClientAuth(true);
            Future<SSLSession[]> server = echo(ss, 2);
            SSLSession[] client = new SSLSession[2];
            for (int i = 0; i < 2; i++) {
                try (SSLSocket s = connect(clientCtx, ss.getLocalPort())) {
                    AtomicReference<HandshakeCompletedEvent> event = new AtomicReference<>();
                    s.addHandshakeCompletedListener(event::set);
                    s.startHandshake();
                    assertSame(s, event.get().getSocket());
                    assertEquals(s.getSession().getCipherSuite(), event.get().getCipherSuite());
                    byte[] data = new byte[100_000];
                    new Random(i).nextBytes(data);
                    roundTrip(s, data);
                    client[i] = s.getSession();
                }
            }
            SSLSession[] served = server.get(30, TimeUnit.SECONDS);
            assertSame(client[0], client[1], "the second connection resumed");
            assertSame(served[0], served[1]);
            assertEquals("TLSv1.2", client[0].getProtocol());
            assertEquals(PKI.client.chain()[0], served[0].getPeerCertificates()[0]);
            assertEquals(PKI.server.chain()[0], client[0].getPeerCertificates()[0]);
            assertEquals("localhost", client[0].getPeerHost());
        }
    }

    @Test
    void sslkitClientSocketAgainstSunJsseServerSocket() throws Exception {
        try (SSLServerSocket ss = listen(PKI.sunJsse(PKI.server))) {
            Future<SSLSession[]> server = echo(ss, 1);
            try (SSLSocket s = connect(PKI.sslkit("TLS", null), ss.getLocalPort())) {
                roundTrip(s, "over SunJSSE".getBytes());
                assertEquals("TLSv1.2", s.getSession().getProtocol());
            }
            assertEquals("TLSv1.2", server.get(30, TimeUnit.SECONDS)[0].getProtocol());
        }
    }

    @Test
    void sunJsseClientSocketAgainstSslkitServerSocket() throws Exception {
        try (SSLServerSocket ss = listen(PKI.sslkit("TLS", PKI.server))) {
            ss.setWantClientAuth(true);
            Future<SSLSession[]> server = echo(ss, 1);
            try (SSLSocket s = connect(PKI.sunJsse(PKI.client), ss.getLocalPort())) {
                roundTrip(s, "over SSLKIT".getBytes());
            }
            SSLSession served = server.get(30, TimeUnit.SECONDS)[0];
            assertEquals(PKI.client.chain()[0], served.getPeerCertificates()[0]);
        }
    }

    @Test
    void enablingSsl3AndRc4ExplicitlySwitchesToTheLegacyPolicy() throws Exception {
        String suite = "SSL_RSA_WITH_RC4_128_MD5";
        SSLContext ctx = PKI.sslkit("TLS", PKI.server);
        assertFalse(java.util.List.of(ctx.getDefaultSSLParameters().getProtocols()).contains("SSLv3"));
        assertFalse(java.util.List.of(ctx.getDefaultSSLParameters().getCipherSuites()).contains(suite));
        try (SSLServerSocket ss = listen(ctx)) {
            ss.setEnabledProtocols(new String[] {"SSLv3"});
            ss.setEnabledCipherSuites(new String[] {suite});
            Future<SSLSession[]> server = echo(ss, 1);
            try (SSLSocket s = connect(PKI.sslkit("TLS", null), ss.getLocalPort())) {
                s.setEnabledProtocols(new String[] {"SSLv3"});
                s.setEnabledCipherSuites(new String[] {suite});
                roundTrip(s, "old times".getBytes());
                assertEquals("SSLv3", s.getSession().getProtocol());
                assertEquals(suite, s.getSession().getCipherSuite());
            }
            assertEquals("SSLv3", server.get(30, TimeUnit.SECONDS)[0].getProtocol());
        }
    }

    @Test
    void missingClientCertificateEndsTheHandshakeOnBothSides() throws Exception {
        try (SSLServerSocket ss = listen(PKI.sslkit("TLS", PKI.server))) {
            ss.setNeedClientAuth(true);
            Future<SSLSession[]> server = echo(ss, 1);
            try (SSLSocket s = connect(PKI.sslkit("TLS", null), ss.getLocalPort())) {
                SSLException e = assertThrows(SSLException.class, s::startHandshake);
                assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
                assertFalse(s.getSession().isValid());
                assertThrows(SSLException.class, () -> s.getOutputStream().write(1));
            }
            Exception served = assertThrows(Exception.class, () -> server.get(30, TimeUnit.SECONDS));
            assertInstanceOf(SSLException.class, served.getCause());
        }
    }

    @Test
    void closeIsSeenByThePeerAsEndOfStream() throws Exception {
        try (SSLServerSocket ss = listen(PKI.sslkit("TLS", PKI.server))) {
            Future<Integer> server = POOL.submit(() -> {
                try (Socket s = ss.accept()) {
                    s.getOutputStream().write("bye".getBytes());
                    s.close();
                    return 0;
                }
            });
            try (SSLSocket s = connect(PKI.sslkit("TLS", null), ss.getLocalPort())) {
                InputStream in = s.getInputStream();
                assertArrayEquals("bye".getBytes(), in.readNBytes(3));
                assertEquals(-1, in.read());
                assertTrue(s.isInputShutdown());
                SSLSession first = s.getSession();
                assertNotSame(null, first);
            }
            server.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void readTimeoutLeavesTheConnectionUsable() throws Exception {
        try (SSLServerSocket ss = listen(PKI.sslkit("TLS", PKI.server))) {
            CompletableFuture<Void> go = new CompletableFuture<>();
            Future<Integer> server = POOL.submit(() -> {
                try (Socket s = ss.accept()) {
                    ((SSLSocket) s).startHandshake();
                    go.get(20, TimeUnit.SECONDS);
                    s.getOutputStream().write("late".getBytes());
                    return s.getInputStream().read();
                }
            });
            try (SSLSocket s = connect(PKI.sslkit("TLS", null), ss.getLocalPort())) {
                s.startHandshake();
                s.setSoTimeout(200);
                assertThrows(java.net.SocketTimeoutException.class, () -> s.getInputStream().read());
                s.setSoTimeout(20_000);
                go.complete(null);
                assertArrayEquals("late".getBytes(), s.getInputStream().readNBytes(4));
            }
            assertEquals(-1, server.get(30, TimeUnit.SECONDS));
        }
    }
}
