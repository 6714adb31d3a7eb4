package io.sslkit.interop;

import static io.sslkit.interop.GnutlsInteropTest.assertGnutlsCliSaw;
import static io.sslkit.interop.OpenSslInteropTest.assertAgreed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
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
 * Issue 6 against GnuTLS 3.7: DHE_DSS with 3DES-CBC and AES-128-CBC and a DSA-2048 server certificate at TLS
 * 1.0-1.2, both directions; and DSA client authentication both directions.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GnutlsDheDssInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Pki pki = Pki.get();

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : Versions.TLS) {
            out.add(Arguments.of(v, new GnutlsInteropTest.Suite("3DES-CBC", "SHA1", "EDH-DSS-DES-CBC3-SHA")));
            out.add(Arguments.of(v, new GnutlsInteropTest.Suite("AES-128-CBC", "SHA1", "DHE-DSS-AES128-SHA")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sslkitClientToGnutlsServ(ProtocolVersion v, GnutlsInteropTest.Suite suite) throws Exception {
        try (GnutlsServer server = GnutlsServer.start(suite.ours(), pki.dsa.server(),
                Gnutls.dheDss(v, suite.cipher(), suite.mac()), List.of())) {
            byte[] data = Payload.lines(v.ordinal() * 19L + suite.ours().hashCode());
            SslkitClient.Outcome o = SslkitClient.exchange(SslkitClient.config(v, suite.ours(), pki.dsa).build(),
                    server.port(), data, data.length);
            assertAgreed(o.session(), v, suite.ours());
            assertEquals(pki.dsa.server().certificate(), o.session().peerCertificates().get(0));
            assertArrayEquals(data, o.received());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void gnutlsCliToSslkitServer(ProtocolVersion v, GnutlsInteropTest.Suite suite) throws Exception {
        byte[] data = Payload.lines(v.ordinal() * 23L + suite.ours().hashCode());
        try (SslkitServer server = SslkitServer.start(serverConfig(v, suite.ours()).build(), data.length);
             GnutlsClient client = GnutlsClient.start(suite.ours(), server.port(),
                     Gnutls.dheDss(v, suite.cipher(), suite.mac()), pki.dsa.ca(), List.of())) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertAgreed(served.session(), v, suite.ours());
            assertEquals(data.length, served.echoed());
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertGnutlsCliSaw(client.process(), Gnutls.description(v, "DHE", suite.cipher(), suite.mac()),
                    data);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientAuthenticatesWithDsa(ProtocolVersion v) throws Exception {
        try (GnutlsServer server = GnutlsServer.start("verify", pki.dsa.server(),
                Gnutls.dheDss(v, "AES-128-CBC", "SHA1"), List.of("--require-client-cert", "--verify-client-cert",
                        "--x509cafile", pki.dsa.ca().certFile().toString()))) {
            SslConfig config = SslkitClient.config(v, "DHE-DSS-AES128-SHA", pki.dsa)
                    .credential(pki.dsa.client().key(), pki.dsa.client().chain()).build();
            byte[] data = Payload.lines(v.ordinal() + 707L);
            SslkitClient.Outcome o = SslkitClient.exchange(config, server.port(), data, data.length);
            assertEquals(pki.dsa.client().certificate(), o.session().localCertificates().get(0));
            assertArrayEquals(data, o.received());
            String log = server.process().stdout();
            assertTrue(log.contains("CN=sslkit interop dsa client"), () -> "gnutls-serv saw no client: " + log);
        }
    }

    /**
     * gnutls-cli signs CertificateVerify with SHA-1 below TLS 1.2, which it does only with a 1024-bit DSA key; at
     * TLS 1.2 it signs with SHA-256 and the 2048-bit key.
     */
    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void gnutlsCliAuthenticatesWithDsa(ProtocolVersion v) throws Exception {
        Pki.Identity clientIdentity = v == ProtocolVersion.TLS_1_2 ? pki.dsa.client() : pki.dsa1024Client;
        byte[] data = Payload.lines(v.ordinal() + 808L);
        SslConfig config = serverConfig(v, "EDH-DSS-DES-CBC3-SHA").clientAuth(ClientAuth.NEED)
                .trustAnchors(List.of(pki.dsa.anchor())).build();
        try (SslkitServer server = SslkitServer.start(config, data.length);
             GnutlsClient client = GnutlsClient.start("cert", server.port(), Gnutls.dheDss(v, "3DES-CBC", "SHA1"),
                     pki.dsa.ca(), List.of("--x509certfile", clientIdentity.certFile().toString(),
                             "--x509keyfile", clientIdentity.keyFile().toString()))) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertEquals(clientIdentity.certificate(), served.session().peerCertificates().get(0));
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertGnutlsCliSaw(client.process(), Gnutls.description(v, "DHE", "3DES-CBC", "SHA1"), data);
        }
    }

    private SslConfig.Builder serverConfig(ProtocolVersion v, String suite) {
        return SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(suite)
                .credential(pki.dsa.server().key(), pki.dsa.server().chain());
    }
}
