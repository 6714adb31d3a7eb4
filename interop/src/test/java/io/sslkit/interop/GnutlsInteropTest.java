package io.sslkit.interop;

import static io.sslkit.interop.OpenSslInteropTest.assertAgreed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GnuTLS 3.7 with an RSA certificate, TLS 1.0-1.2, both directions: our client against {@code gnutls-serv --echo}
 * and {@code gnutls-cli} against our echo server, for the RSA suites GnuTLS still has (RC4, 3DES, NULL); plus
 * resumption both ways.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GnutlsInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A suite as GnuTLS names its parts and as our suite table (OpenSSL's names) knows it. */
    record Suite(String cipher, String mac, String ours) {
        @Override
        public String toString() {
            return ours;
        }
    }

    private static final List<Suite> SUITES = List.of(new Suite("ARCFOUR-128", "MD5", "RC4-MD5"),
            new Suite("ARCFOUR-128", "SHA1", "RC4-SHA"), new Suite("3DES-CBC", "SHA1", "DES-CBC3-SHA"),
            new Suite("NULL", "MD5", "NULL-MD5"));

    private final Pki pki = Pki.get();

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : Versions.TLS) {
            for (Suite s : SUITES) {
                out.add(Arguments.of(v, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sslkitClientToGnutlsServ(ProtocolVersion v, Suite suite) throws Exception {
        try (GnutlsServer server = GnutlsServer.start(suite.ours(), pki.rsa.server(),
                Gnutls.rsa(v, suite.cipher(), suite.mac()), List.of())) {
            byte[] data = Payload.lines(v.ordinal() * 13L + suite.ours().hashCode());
            SslkitClient.Outcome o = SslkitClient.exchange(SslkitClient.config(v, suite.ours(), pki.rsa).build(),
                    server.port(), data, data.length);
            assertAgreed(o.session(), v, suite.ours());
            assertArrayEquals(data, o.received());
            assertTrue(Gnutls.description(v, "RSA", suite.cipher(), suite.mac()).matcher(server.process().stdout())
                    .find(), () -> "gnutls-serv did not report the suite: " + server.process().stdout());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void gnutlsCliToSslkitServer(ProtocolVersion v, Suite suite) throws Exception {
        byte[] data = Payload.lines(v.ordinal() * 17L + suite.ours().hashCode());
        try (SslkitServer server = SslkitServer.start(serverConfig(v, suite.ours()), data.length);
             GnutlsClient client = GnutlsClient.start(suite.ours(), server.port(),
                     Gnutls.rsa(v, suite.cipher(), suite.mac()), pki.rsa.ca(), List.of())) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertAgreed(served.session(), v, suite.ours());
            assertEquals(data.length, served.echoed());
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertGnutlsCliSaw(client.process(), Gnutls.description(v, "RSA", suite.cipher(), suite.mac()), data);
        }
    }

    /** gnutls-cli --resume: a full handshake, a disconnect, then a connection that resumes and carries the data. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void gnutlsCliResumesWithSslkitServer(ProtocolVersion v) throws Exception {
        byte[] data = Payload.lines(v.ordinal() + 505L);
        try (SslkitServer server = SslkitServer.start(serverConfig(v, "DES-CBC3-SHA"), data.length);
             GnutlsClient client = GnutlsClient.start("resume", server.port(), Gnutls.rsa(v, "3DES-CBC", "SHA1"),
                     pki.rsa.ca(), List.of("--resume"))) {
            client.send(data);
            SslkitServer.Served first = server.next(WAIT, client.process());
            assertNull(first.failure(), () -> "server failed: " + first.failure());
            assertFalse(first.session().resumed());
            SslkitServer.Served second = server.next(WAIT, client.process());
            assertNull(second.failure(), () -> "server failed: " + second.failure());
            assertTrue(second.session().resumed(), "the second connection did not resume");
            assertArrayEquals(first.session().id(), second.session().id());
            assertEquals(data.length, second.echoed());
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            String out = client.process().stdout();
            assertTrue(out.contains("*** This is a resumed session"), out);
            assertTrue(out.contains(Payload.text(data)), "gnutls-cli did not print the echoed data");
        }
    }

    /** Our client comes back to gnutls-serv with the session from its cache and resumes it. */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientResumesWithGnutlsServ(ProtocolVersion v) throws Exception {
        try (GnutlsServer server = GnutlsServer.start("cache", pki.rsa.server(), Gnutls.rsa(v, "ARCFOUR-128", "SHA1"),
                List.of())) {
            SslConfig config = SslkitClient.config(v, "RC4-SHA", pki.rsa).sessionCache(new SessionCache()).build();
            SslSession full = SslkitClient.handshake(config, server.port());
            assertFalse(full.resumed());
            byte[] data = Payload.lines(v.ordinal() + 606L);
            SslkitClient.Outcome o = SslkitClient.exchange(config, server.port(), data, data.length);
            assertTrue(o.session().resumed(), "the second connection did not resume");
            assertArrayEquals(full.id(), o.session().id());
            assertArrayEquals(data, o.received());
        }
    }

    private SslConfig serverConfig(ProtocolVersion v, String suite) {
        return SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(suite)
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).build();
    }

    /** gnutls-cli's own view: the suite it describes and the data it received. */
    static void assertGnutlsCliSaw(PeerProcess client, Pattern description, byte[] data) {
        String out = client.stdout();
        assertTrue(description.matcher(out).find(), () -> "gnutls-cli did not report " + description + ": " + out
                + client.stderr());
        assertTrue(out.contains(Payload.text(data)), "gnutls-cli did not print the echoed data");
    }
}
