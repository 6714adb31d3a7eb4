package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 11: a handshake has a time limit, however the peer spends it. */
class HandshakeTimeoutTest {
    static final Duration LIMIT = Duration.ofMillis(600);
    final TestPki pki = TestPki.get();

    SslConfig serverConfig() {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).credential(pki.server.key(), pki.server.chain())
                .handshakeTimeout(LIMIT).build();
    }

    /** A valid ClientHello, as our own client would send it, to dribble. */
    byte[] clientHello() throws Exception {
        SslEngine client = SslEngine.client(SslConfig.client().policy(Policy.LEGACY)
                .registry(LoopbackHandshakeTest.REGISTRY).protocols(ProtocolVersion.TLS_1_2)
                .trustAnchors(List.of(pki.ca.certificate())).build(), null, 0);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(client.packetBufferSize());
        client.wrap(java.nio.ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    @Test
    void aPeerDribblingOneByteAtATimeIsCutOff() throws Exception {
        byte[] hello = clientHello();
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> dribbler = CompletableFuture.runAsync(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                    OutputStream out = s.getOutputStream();
                    // 100 ms a byte: the hello would take many seconds, every read returns well within the limit
                    for (int i = 0; i < hello.length && !s.isClosed(); i++) {
                        out.write(hello[i]);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (Exception ignored) {
                    // the server hangs up on us: the point of the test
                }
            });
            try (SslSocket server = SslSocket.accept(ss, serverConfig())) {
                long start = System.nanoTime();
                SocketTimeoutException e = assertThrows(SocketTimeoutException.class, server::startHandshake);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("handshake timeout of " + LIMIT), e.getMessage());
                assertTrue(millis >= LIMIT.toMillis() - 50 && millis < LIMIT.toMillis() + 1_000, millis + " ms");
                assertEquals(0, server.socket().getSoTimeout(), "the socket's own timeout is restored");
            }
            dribbler.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSilentPeerIsCutOff() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort());
             SslSocket server = SslSocket.accept(ss, serverConfig())) {
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, server::startHandshake);
            assertTrue((System.nanoTime() - start) / 1_000_000 < LIMIT.toMillis() + 1_000);
        }
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SslConfig.client().handshakeTimeout(Duration.ZERO));
        assertEquals(SslConfig.DEFAULT_HANDSHAKE_TIMEOUT, SslConfig.client().build().handshakeTimeout());
    }
}
