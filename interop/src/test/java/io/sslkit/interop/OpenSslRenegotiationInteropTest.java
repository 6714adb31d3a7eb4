package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Secure renegotiation (RFC 5746) with OpenSSL at TLS 1.0-1.2, started by either side, with application data before
 * and after the new handshake.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenSslRenegotiationInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUITE = "AES128-SHA";

    private final Pki pki = Pki.get();

    /** Our client renegotiates; s_server accepts that only with -client_renegotiation. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientRenegotiatesWithSServer(ProtocolVersion v) throws Exception {
        try (OpenSslServer server = OpenSslServer.start("reneg", pki.rsa.server(), Versions.concat(
                List.of(OpenSsl.versionFlag(v), "-client_renegotiation"), OpenSsl.cipher(SUITE)))) {
            MessageLog log = new MessageLog();
            SslConfig config = SslkitClient.config(v, SUITE, pki.rsa).renegotiation(true).listener(log).build();
            byte[] data = Payload.lines(v.ordinal() + 1201L);
            SslkitClient.Outcome o = SslkitClient.exchangeRenegotiating(config, server.port(), data);
            assertEquals(2, log.count(true, "ClientHello"), log::toString);
            assertEquals(2, log.count(false, "Finished"), log::toString);
            OpenSslInteropTest.assertAgreed(o.session(), v, SUITE);
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    /**
     * s_server renegotiates when "R" is typed on its stdin (in its echo-less mode: it prints what it receives and
     * sends what it reads from stdin). s_server refuses application data that arrives between the renegotiation's
     * ClientHello and Finished ("unexpected record"), so our client writes right inside that window: the engine
     * must hold the data back until the new handshake is complete.
     */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sServerRenegotiatesSslkitClient(ProtocolVersion v) throws Exception {
        List<String> args = Versions.concat(List.of(OpenSsl.versionFlag(v)), OpenSsl.cipher(SUITE));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (OpenSslServer server = OpenSslServer.startInteractive("reneg-typed", pki.rsa.server(), args)) {
            MessageLog log = new MessageLog();
            SslConfig config = SslkitClient.config(v, SUITE, pki.rsa).renegotiation(true).listener(log).build();
            try (SslSocket s = SslSocket.connect(Ports.HOST, server.port(), config)) {
                s.socket().setSoTimeout(20_000);
                String before = "before-renegotiation-" + v.ordinal() + "\n";
                s.getOutputStream().write(before.getBytes(StandardCharsets.US_ASCII));
                server.awaitOutput(before.trim(), WAIT);
                String after = "after-renegotiation-" + v.ordinal();
                // the handshake records are processed by a read, so one must be waiting while s_server renegotiates
                Future<byte[]> answer = reader.submit(() -> SslkitClient.readFully(s.getInputStream(),
                        after.length() + 1));
                server.process().type("R");
                assertTrue(log.awaitCount(true, "ClientHello", 2, WAIT), () -> "no second ClientHello: " + log);
                String last = "last-line-" + v.ordinal() + "\n";
                // returns once the new handshake is complete: the reader thread drives it meanwhile
                s.getOutputStream().write(last.getBytes(StandardCharsets.US_ASCII));
                assertTrue(log.awaitCount(true, "Finished", 2, WAIT) && log.awaitCount(false, "Finished", 2, WAIT),
                        () -> "no second handshake: " + log);
                server.awaitOutput(last.trim(), WAIT);
                server.process().type(after);
                assertEquals(after + "\n", new String(answer.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII));
                assertEquals(1, log.count(false, "HelloRequest"), log::toString);
                assertEquals(2, log.count(true, "ClientHello"), log::toString);
                OpenSslInteropTest.assertAgreed(s.session(), v, SUITE);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * Our server sends HelloRequest once it has echoed the first half of the data; the second half is given to
     * s_client only after the new handshake is done, so it crosses under the new keys.
     */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitServerRenegotiatesSClient(ProtocolVersion v) throws Exception {
        MessageLog log = new MessageLog();
        SslConfig config = SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(SUITE)
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).renegotiation(true).listener(log)
                .build();
        byte[] data = Payload.lines(v.ordinal() + 1301L);
        int half = data.length / 2;
        try (SslkitServer server = SslkitServer.start(config, data.length, half);
             OpenSslClient client = OpenSslClient.start("reneg", server.port(), Versions.concat(
                     List.of(OpenSsl.versionFlag(v)), OpenSsl.cipher(SUITE)))) {
            client.send(Arrays.copyOfRange(data, 0, half));
            assertTrue(log.awaitCount(true, "Finished", 2, WAIT), () -> "no second handshake: " + log);
            client.send(Arrays.copyOfRange(data, half, data.length));
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertEquals(data.length, served.echoed());
            assertEquals(1, log.count(true, "HelloRequest"), log::toString);
            assertEquals(2, log.count(false, "ClientHello"), log::toString);
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            OpenSslInteropTest.assertSClientSaw(client.process(), v, SUITE, data);
        }
    }
}
