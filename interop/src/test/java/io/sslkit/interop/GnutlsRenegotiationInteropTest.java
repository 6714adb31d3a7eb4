package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Secure renegotiation (RFC 5746) with GnuTLS at TLS 1.0-1.2, started by either side, with data before and after;
 * and renegotiation refused when GnuTLS is told to do without RFC 5746.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GnutlsRenegotiationInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Pki pki = Pki.get();

    /** gnutls-cli --rehandshake renegotiates right after its first handshake, then sends the data. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void gnutlsCliRehandshakesWithSslkitServer(ProtocolVersion v) throws Exception {
        MessageLog log = new MessageLog();
        byte[] data = Payload.lines(v.ordinal() + 1401L);
        try (SslkitServer server = SslkitServer.start(serverConfig(v, log), data.length);
             GnutlsClient client = GnutlsClient.start("rehandshake", server.port(),
                     Gnutls.rsa(v, "3DES-CBC", "SHA1"), pki.rsa.ca(), List.of("--rehandshake"))) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertEquals(data.length, served.echoed());
            assertEquals(2, log.count(false, "ClientHello"), log::toString);
            assertEquals(2, log.count(true, "Finished"), log::toString);
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertTrue(client.process().stdout().contains("- ReHandshake was completed"), client.process()::stdout);
            GnutlsInteropTest.assertGnutlsCliSaw(client.process(), Gnutls.description(v, "RSA", "3DES-CBC", "SHA1"),
                    data);
        }
    }

    /** Our client renegotiates with gnutls-serv half way through the data. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientRenegotiatesWithGnutlsServ(ProtocolVersion v) throws Exception {
        try (GnutlsServer server = GnutlsServer.start("reneg", pki.rsa.server(), Gnutls.rsa(v, "ARCFOUR-128", "SHA1"),
                List.of())) {
            MessageLog log = new MessageLog();
            SslConfig config = SslkitClient.config(v, "RC4-SHA", pki.rsa).renegotiation(true).listener(log).build();
            byte[] data = Payload.lines(v.ordinal() + 1501L);
            SslkitClient.Outcome o = SslkitClient.exchangeRenegotiating(config, server.port(), data);
            assertEquals(2, log.count(true, "ClientHello"), log::toString);
            assertEquals(2, log.count(false, "Finished"), log::toString);
            assertArrayEquals(data, o.received());
        }
    }

    /**
     * Our server sends HelloRequest once it has echoed the first half; the second half goes to gnutls-cli only after
     * the new handshake is done.
     */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitServerRenegotiatesGnutlsCli(ProtocolVersion v) throws Exception {
        MessageLog log = new MessageLog();
        byte[] data = Payload.lines(v.ordinal() + 1601L);
        int half = data.length / 2;
        try (SslkitServer server = SslkitServer.start(serverConfig(v, log), data.length, half);
             GnutlsClient client = GnutlsClient.start("reneg", server.port(), Gnutls.rsa(v, "3DES-CBC", "SHA1"),
                     pki.rsa.ca(), List.of())) {
            client.send(Arrays.copyOfRange(data, 0, half));
            assertTrue(log.awaitCount(true, "Finished", 2, WAIT), () -> "no second handshake: " + log);
            client.send(Arrays.copyOfRange(data, half, data.length));
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertEquals(data.length, served.echoed());
            assertEquals(1, log.count(true, "HelloRequest"), log::toString);
            assertEquals(2, log.count(false, "ClientHello"), log::toString);
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            // gnutls-cli reports the new handshake between the two halves it received
            String out = client.process().stdout();
            int first = out.indexOf(Payload.text(Arrays.copyOfRange(data, 0, half)));
            int rehandshake = out.indexOf("*** Rehandshake was performed.");
            int second = out.indexOf(Payload.text(Arrays.copyOfRange(data, half, data.length)));
            assertTrue(first >= 0 && rehandshake > first && second > rehandshake,
                    () -> "gnutls-cli did not print half, rehandshake, half: " + first + ", " + rehandshake + ", "
                            + second);
        }
    }

    /**
     * gnutls-cli without RFC 5746 (%DISABLE_SAFE_RENEGOTIATION) asks to renegotiate: our server declines every such
     * ClientHello with a no_renegotiation warning and never answers one with a ServerHello.
     */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void insecureRenegotiationByGnutlsCliIsRefused(ProtocolVersion v) throws Exception {
        MessageLog log = new MessageLog();
        try (SslkitServer server = SslkitServer.start(serverConfig(v, log), Payload.SIZE);
             GnutlsClient client = GnutlsClient.start("rehandshake-unsafe", server.port(),
                     Gnutls.rsa(v, "3DES-CBC", "SHA1") + ":%DISABLE_SAFE_RENEGOTIATION", pki.rsa.ca(),
                     List.of("--rehandshake"))) {
            server.next(WAIT, client.process());
            assertTrue(log.count(false, "ClientHello") >= 2, log::toString);
            assertEquals(1, log.count(true, "ServerHello"), log::toString);
            assertTrue(log.alerts().contains("sent warning no_renegotiation"), log::toString);
            client.awaitExit(WAIT);
            assertFalse(client.process().stdout().contains("- ReHandshake was completed"));
        }
    }

    /** Against gnutls-serv without RFC 5746 our client does not even try: renegotiate() says why. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientWillNotRenegotiateInsecurely(ProtocolVersion v) throws Exception {
        try (GnutlsServer server = GnutlsServer.start("reneg-unsafe", pki.rsa.server(),
                Gnutls.rsa(v, "ARCFOUR-128", "SHA1") + ":%DISABLE_SAFE_RENEGOTIATION", List.of())) {
            MessageLog log = new MessageLog();
            SslConfig config = SslkitClient.config(v, "RC4-SHA", pki.rsa).renegotiation(true).listener(log).build();
            try (SslSocket s = SslSocket.connect(Ports.HOST, server.port(), config)) {
                s.socket().setSoTimeout(20_000);
                s.startHandshake();
                IllegalStateException e = assertThrows(IllegalStateException.class, s::renegotiate);
                assertTrue(e.getMessage().contains("RFC 5746"), e::getMessage);
                assertEquals(1, log.count(true, "ClientHello"), log::toString);
                // the connection stays usable
                byte[] line = "still-here\n".getBytes(StandardCharsets.US_ASCII);
                s.getOutputStream().write(line);
                assertArrayEquals(line, SslkitClient.readFully(s.getInputStream(), line.length));
            }
        }
    }

    private SslConfig serverConfig(ProtocolVersion v, MessageLog log) {
        return SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites("DES-CBC3-SHA")
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).renegotiation(true).listener(log)
                .build();
    }
}
