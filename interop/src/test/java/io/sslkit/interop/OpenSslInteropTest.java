package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenSSL 3 with RSA certificates, TLS 1.0-1.2, both directions: our client against {@code s_server -rev} (every
 * line comes back reversed) and {@code s_client} against our echo server; plus client authentication and
 * resumption.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenSslInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> SUITES = List.of("NULL-MD5", "NULL-SHA", "AES128-SHA", "AES256-SHA");

    private final Pki pki = Pki.get();

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : Versions.TLS) {
            for (String suite : SUITES) {
                out.add(Arguments.of(v, suite));
            }
        }
        out.add(Arguments.of(ProtocolVersion.TLS_1_2, "AES128-SHA256"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sslkitClientToSServer(ProtocolVersion v, String suite) throws Exception {
        try (OpenSslServer server = OpenSslServer.start(suite, pki.rsa.server(),
                Versions.concat(List.of(OpenSsl.versionFlag(v)), OpenSsl.cipher(suite)))) {
            byte[] data = Payload.lines(v.ordinal() * 31L + suite.hashCode());
            SslkitClient.Outcome o = SslkitClient.exchange(SslkitClient.config(v, suite, pki.rsa).build(),
                    server.port(), data, data.length);
            assertAgreed(o.session(), v, suite);
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sClientToSslkitServer(ProtocolVersion v, String suite) throws Exception {
        SslConfig config = serverConfig(v, suite, pki.rsa.server()).build();
        byte[] data = Payload.lines(v.ordinal() * 37L + suite.hashCode());
        try (SslkitServer server = SslkitServer.start(config, data.length);
             OpenSslClient client = OpenSslClient.start(suite, server.port(),
                     Versions.concat(List.of(OpenSsl.versionFlag(v), "-CAfile", pki.rsa.ca().certFile().toString(),
                             "-verify_return_error"), OpenSsl.cipher(suite)))) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertAgreed(served.session(), v, suite);
            assertEquals(data.length, served.echoed());
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertSClientSaw(client.process(), v, suite, data);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientAuthenticatesToSServer(ProtocolVersion v) throws Exception {
        String suite = "AES128-SHA";
        try (OpenSslServer server = OpenSslServer.start("verify", pki.rsa.server(), Versions.concat(
                List.of(OpenSsl.versionFlag(v), "-Verify", "1", "-CAfile", pki.rsa.ca().certFile().toString()),
                OpenSsl.cipher(suite)))) {
            SslConfig config = SslkitClient.config(v, suite, pki.rsa)
                    .credential(pki.rsa.client().key(), pki.rsa.client().chain()).build();
            byte[] data = Payload.lines(v.ordinal() + 101L);
            SslkitClient.Outcome o = SslkitClient.exchange(config, server.port(), data, data.length);
            assertAgreed(o.session(), v, suite);
            assertEquals(pki.rsa.client().certificate(), o.session().localCertificates().get(0));
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sClientAuthenticatesToSslkitServer(ProtocolVersion v) throws Exception {
        String suite = "AES256-SHA";
        SslConfig config = serverConfig(v, suite, pki.rsa.server()).clientAuth(ClientAuth.NEED)
                .trustAnchors(List.of(pki.rsa.anchor())).build();
        byte[] data = Payload.lines(v.ordinal() + 202L);
        try (SslkitServer server = SslkitServer.start(config, data.length);
             OpenSslClient client = OpenSslClient.start("cert", server.port(), Versions.concat(
                     List.of(OpenSsl.versionFlag(v), "-cert", pki.rsa.client().certFile().toString(),
                             "-key", pki.rsa.client().keyFile().toString()), OpenSsl.cipher(suite)))) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertAgreed(served.session(), v, suite);
            assertEquals(pki.rsa.client().certificate(), served.session().peerCertificates().get(0));
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertSClientSaw(client.process(), v, suite, data);
        }
    }

    /** s_client -reconnect: one full handshake, then five that resume it, the last one carrying the data. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sClientResumesWithSslkitServer(ProtocolVersion v) throws Exception {
        String suite = "AES128-SHA";
        SslConfig config = serverConfig(v, suite, pki.rsa.server()).build();
        byte[] data = Payload.lines(v.ordinal() + 303L);
        try (SslkitServer server = SslkitServer.start(config, data.length);
             OpenSslClient client = OpenSslClient.start("reconnect", server.port(), Versions.concat(
                     List.of(OpenSsl.versionFlag(v), "-reconnect", "-no_ticket"), OpenSsl.cipher(suite)))) {
            client.send(data);
            SslkitServer.Served first = server.next(WAIT, client.process());
            assertNull(first.failure(), () -> "server failed: " + first.failure());
            assertFalse(first.session().resumed());
            SslkitServer.Served last = first;
            for (int i = 0; i < 5; i++) {
                SslkitServer.Served s = server.next(WAIT, client.process());
                assertNull(s.failure(), () -> "server failed: " + s.failure());
                assertTrue(s.session().resumed(), "reconnection " + (i + 1) + " was not resumed");
                assertArrayEquals(first.session().id(), s.session().id());
                last = s;
            }
            assertEquals(data.length, last.echoed());
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            String out = client.process().stdout();
            assertEquals(5, out.split("\nReused, ", -1).length - 1, out);
            assertTrue(out.contains(Payload.text(data)), "s_client did not print the echoed data");
        }
    }

    /** Our client comes back to s_server with the session from its cache and resumes it. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientResumesWithSServer(ProtocolVersion v) throws Exception {
        String suite = "AES256-SHA";
        try (OpenSslServer server = OpenSslServer.start("cache", pki.rsa.server(),
                Versions.concat(List.of(OpenSsl.versionFlag(v)), OpenSsl.cipher(suite)))) {
            SslConfig config = SslkitClient.config(v, suite, pki.rsa).sessionCache(new SessionCache()).build();
            SslSession full = SslkitClient.handshake(config, server.port());
            assertFalse(full.resumed());
            byte[] data = Payload.lines(v.ordinal() + 404L);
            SslkitClient.Outcome o = SslkitClient.exchange(config, server.port(), data, data.length);
            assertTrue(o.session().resumed(), "the second connection did not resume");
            assertArrayEquals(full.id(), o.session().id());
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    private static SslConfig.Builder serverConfig(ProtocolVersion v, String suite, Pki.Identity identity) {
        return SslConfig.server().policy(io.sslkit.api.Policy.LEGACY).protocols(v).cipherSuites(suite)
                .credential(identity.key(), identity.chain());
    }

    static void assertAgreed(SslSession session, ProtocolVersion v, String opensslName) {
        assertEquals(v, session.protocol());
        assertEquals(opensslName, session.cipherSuite().opensslName());
    }

    /** s_client's own view: the session summary it printed and the data it received. */
    static void assertSClientSaw(PeerProcess client, ProtocolVersion v, String suite, byte[] data) {
        String out = client.stdout();
        assertTrue(out.matches("(?s).*\\n\\s*Protocol\\s*:\\s*" + v.standardName().replace(".", "\\.")
                + "\\s*\\n.*"), () -> "s_client did not report " + v + ": " + out);
        assertTrue(out.matches("(?s).*\\n\\s*Cipher\\s*:\\s*" + suite + "\\s*\\n.*"),
                () -> "s_client did not report " + suite);
        assertTrue(out.contains(Payload.text(data)), "s_client did not print the echoed data");
    }
}
