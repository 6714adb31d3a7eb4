package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Renegotiation over blocking sockets: {@link SslSocket#renegotiate()} returns only once the new handshake is done. */
class SocketRenegotiationTest {
    final TestPki pki = TestPki.get();

    SslConfig.Builder client() {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).trustAnchors(List.of(pki.ca.certificate())).renegotiation(true)
                .handshakeTimeout(Duration.ofSeconds(10));
    }

    SslConfig.Builder server() {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).credential(pki.server.key(), pki.server.chain())
                .renegotiation(true).handshakeTimeout(Duration.ofSeconds(10));
    }

    @Test
    void serverRenegotiateWaitsForTheNewHandshakeAndKeepsDataThatArrivesMeanwhile() throws Exception {
        AtomicInteger serverCompletions = new AtomicInteger();
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                try (SslSocket s = SslSocket.connect(InetAddress.getLoopbackAddress().getHostAddress(),
                        ss.getLocalPort(), client().build())) {
                    s.startHandshake();
                    // written while the server waits in renegotiate(): it must reach the server's InputStream
                    s.getOutputStream().write('a');
                    s.getOutputStream().flush();
                    // this read answers the HelloRequest, runs the new handshake, then returns the server's reply
                    int reply = s.getInputStream().read();
                    return String.valueOf((char) reply);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SslSocket server = SslSocket.accept(ss, server()
                    .listener(RenegotiationTest.countCompletions(serverCompletions)).build())) {
                server.startHandshake();
                assertEquals(1, serverCompletions.get());
                server.renegotiate();
                assertEquals(2, serverCompletions.get(), "renegotiate() returned before the new handshake completed");
                InputStream in = server.getInputStream();
                assertEquals('a', in.read());
                server.getOutputStream().write('b');
                server.getOutputStream().flush();
                assertEquals("b", peer.get(10, TimeUnit.SECONDS));
            }
        }
    }

    /**
     * A writer thread held back by the client's own renegotiation waits for it instead of interleaving records or
     * deadlocking with the renegotiating thread; every byte arrives in order.
     */
    @Test
    void aWriterDuringOurRenegotiationWaitsAndLosesNothing() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> sink = CompletableFuture.supplyAsync(() -> {
                try (SslSocket s = SslSocket.accept(ss, server().build())) {
                    return s.getInputStream().readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SslSocket client = SslSocket.connect(InetAddress.getLoopbackAddress().getHostAddress(),
                    ss.getLocalPort(), client().build())) {
                client.startHandshake();
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        for (int off = 0; off < data.length; off += 1000) {
                            client.getOutputStream().write(data, off, 1000);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                client.renegotiate();
                writer.get(10, TimeUnit.SECONDS);
                client.shutdownOutput();
                assertArrayEquals(data, sink.get(10, TimeUnit.SECONDS));
            }
        }
    }

    /**
     * A thread blocked in the client's InputStream while another thread renegotiates: the two must not both read the
     * socket into the one input buffer (which garbles records). The renegotiating thread leaves the reading to the
     * blocked reader, the new handshake completes on both sides, and the reader then gets the server's byte.
     */
    @Test
    void clientRenegotiatesWhileAnotherThreadIsBlockedReading() throws Exception {
        renegotiateWhileBlockedReading(true);
    }

    /** The same with the server renegotiating (HelloRequest) while its own reader thread waits for data. */
    @Test
    void serverRenegotiatesWhileAnotherThreadIsBlockedReading() throws Exception {
        renegotiateWhileBlockedReading(false);
    }

    private void renegotiateWhileBlockedReading(boolean clientRenegotiates) throws Exception {
        AtomicInteger clientCompletions = new AtomicInteger();
        AtomicInteger serverCompletions = new AtomicInteger();
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SslSocket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    SslSocket s = SslSocket.accept(ss, server()
                            .listener(RenegotiationTest.countCompletions(serverCompletions)).build());
                    s.startHandshake();
                    return s;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SslSocket client = SslSocket.connect(InetAddress.getLoopbackAddress().getHostAddress(),
                    ss.getLocalPort(), client().listener(RenegotiationTest.countCompletions(clientCompletions))
                            .build())) {
                client.startHandshake();
                SslSocket server = accepted.get(10, TimeUnit.SECONDS);
                SslSocket renegotiating = clientRenegotiates ? client : server;
                SslSocket other = clientRenegotiates ? server : client;
                CompletableFuture<Integer> blockedReader = CompletableFuture.supplyAsync(() -> {
                    try {
                        return renegotiating.getInputStream().read();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the other side reads too, so that it answers the new handshake's flights
                CompletableFuture<Integer> otherReader = CompletableFuture.supplyAsync(() -> {
                    try {
                        return other.getInputStream().read();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(200); // both readers are now blocked in the socket
                renegotiating.renegotiate();
                assertEquals(2, (clientRenegotiates ? clientCompletions : serverCompletions).get(),
                        "renegotiate() returned before the new handshake completed");
                // the other side completes when it has processed the last flight, which may be a moment later
                AtomicInteger otherCompletions = clientRenegotiates ? serverCompletions : clientCompletions;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (otherCompletions.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertEquals(2, otherCompletions.get());
                other.getOutputStream().write('x');
                other.getOutputStream().flush();
                assertEquals('x', blockedReader.get(10, TimeUnit.SECONDS));
                renegotiating.getOutputStream().write('y');
                renegotiating.getOutputStream().flush();
                assertEquals('y', otherReader.get(10, TimeUnit.SECONDS));
                server.close();
            }
        }
    }
}
