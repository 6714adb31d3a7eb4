package io.sslkit.interop;

import static io.sslkit.interop.OpenSslInteropTest.assertAgreed;
import static io.sslkit.interop.OpenSslInteropTest.assertSClientSaw;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 6 against OpenSSL 3: DHE-DSS-AES128-SHA with a DSA-2048 server certificate at TLS 1.0-1.2, both directions,
 * without and with a DSA client certificate. s_server's DH group is
 * RFC 7919 ffdhe2048.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenSslDheDssInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUITE = "DHE-DSS-AES128-SHA";

    private final Pki pki = Pki.get();

    @ParameterizedTest(name = "{0} client certificate: {1}")
    @CsvSource({"TLS_1_0, false", "TLS_1_1, false", "TLS_1_2, false", "TLS_1_0, true", "TLS_1_1, true",
            "TLS_1_2, true"})
    void sslkitClientToSServer(ProtocolVersion v, boolean clientCertificate) throws Exception {
        List<String> args = new ArrayList<>(List.of(OpenSsl.versionFlag(v), "-dhparam",
                DhParams.ffdhe2048().toString()));
        args.addAll(OpenSsl.cipher(SUITE));
        SslConfig.Builder config = SslkitClient.config(v, SUITE, pki.dsa);
        if (clientCertificate) {
            args.addAll(List.of("-Verify", "1", "-CAfile", pki.dsa.ca().certFile().toString()));
            config.credential(pki.dsa.client().key(), pki.dsa.client().chain());
        }
        try (OpenSslServer server = OpenSslServer.start("dss", pki.dsa.server(), args)) {
            byte[] data = Payload.lines(v.ordinal() * 7L + (clientCertificate ? 1 : 0));
            SslkitClient.Outcome o = SslkitClient.exchange(config.build(), server.port(), data, data.length);
            assertAgreed(o.session(), v, SUITE);
            assertEquals(pki.dsa.server().certificate(), o.session().peerCertificates().get(0));
            assertEquals(clientCertificate, !o.session().localCertificates().isEmpty());
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    @ParameterizedTest(name = "{0} client certificate: {1}")
    @CsvSource({"TLS_1_0, false", "TLS_1_1, false", "TLS_1_2, false", "TLS_1_0, true", "TLS_1_1, true",
            "TLS_1_2, true"})
    void sClientToSslkitServer(ProtocolVersion v, boolean clientCertificate) throws Exception {
        SslConfig.Builder config = SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(SUITE)
                .credential(pki.dsa.server().key(), pki.dsa.server().chain());
        List<String> args = new ArrayList<>(List.of(OpenSsl.versionFlag(v), "-CAfile",
                pki.dsa.ca().certFile().toString(), "-verify_return_error"));
        args.addAll(OpenSsl.cipher(SUITE));
        if (clientCertificate) {
            config.clientAuth(ClientAuth.NEED).trustAnchors(List.of(pki.dsa.anchor()));
            args.addAll(List.of("-cert", pki.dsa.client().certFile().toString(), "-key",
                    pki.dsa.client().keyFile().toString()));
        }
        byte[] data = Payload.lines(v.ordinal() * 11L + (clientCertificate ? 1 : 0));
        try (SslkitServer server = SslkitServer.start(config.build(), data.length);
             OpenSslClient client = OpenSslClient.start("dss", server.port(), args)) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertAgreed(served.session(), v, SUITE);
            if (clientCertificate) {
                assertEquals(pki.dsa.client().certificate(), served.session().peerCertificates().get(0));
            } else {
                assertTrue(served.session().peerCertificates().isEmpty());
            }
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            assertSClientSaw(client.process(), v, SUITE, data);
        }
    }
}
