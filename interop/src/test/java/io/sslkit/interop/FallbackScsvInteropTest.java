package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 7507 against OpenSSL, both directions. {@code s_client -fallback_scsv} plays a client that retries at a lower
 * version after a failed attempt: our server, which enables TLS 1.0-1.2, must refuse such a downgrade with
 * inappropriate_fallback and accept the SCSV at its highest version (where nothing was downgraded). Our client
 * with {@code fallback()} must be refused the same way by s_server (limited to TLS 1.2, so that TLS 1.3 does not
 * count as the version it could have had).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FallbackScsvInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUITE = "AES128-SHA";

    private final Pki pki = Pki.get();

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1"})
    void downgradeWithScsvIsRefused(ProtocolVersion v) throws Exception {
        try (SslkitServer server = SslkitServer.start(serverConfig(), Payload.SIZE);
             OpenSslClient client = OpenSslClient.start("fallback", server.port(),
                     Versions.concat(List.of(OpenSsl.versionFlag(v), "-fallback_scsv"), OpenSsl.cipher(SUITE)))) {
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.session());
            SslAlertException e = assertInstanceOf(SslAlertException.class, served.failure());
            assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, e.alert());
            assertFalse(e.isReceived());
            assertNotEquals(0, client.awaitExit(WAIT));
            String err = client.process().stderr();
            assertTrue(err.contains("inappropriate fallback"), () -> "s_client did not report the alert: " + err);
        }
    }

    @Test
    void scsvAtTheHighestVersionIsAccepted() throws Exception {
        byte[] data = Payload.lines(909L);
        try (SslkitServer server = SslkitServer.start(serverConfig(), data.length);
             OpenSslClient client = OpenSslClient.start("fallback-highest", server.port(), Versions.concat(
                     List.of(OpenSsl.versionFlag(ProtocolVersion.TLS_1_2), "-fallback_scsv"), OpenSsl.cipher(SUITE)))) {
            client.send(data);
            SslkitServer.Served served = server.next(WAIT, client.process());
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            OpenSslInteropTest.assertAgreed(served.session(), ProtocolVersion.TLS_1_2, SUITE);
            assertEquals(0, client.awaitExit(WAIT), () -> client.process().stderr());
            OpenSslInteropTest.assertSClientSaw(client.process(), ProtocolVersion.TLS_1_2, SUITE, data);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1"})
    void sslkitClientDowngradeWithScsvIsRefusedByOpenSsl(ProtocolVersion v) throws Exception {
        try (OpenSslServer server = OpenSslServer.start("fallback", pki.rsa.server(), Versions.concat(
                List.of("-min_protocol", "TLSv1", "-max_protocol", "TLSv1.2"), OpenSsl.cipher(SUITE)))) {
            SslConfig config = SslkitClient.config(v, SUITE, pki.rsa).fallback().build();
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> SslkitClient.handshake(config, server.port()));
            assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, e.alert());
            assertTrue(e.isReceived());
        }
    }

    @Test
    void sslkitClientScsvAtTheHighestVersionIsAcceptedByOpenSsl() throws Exception {
        try (OpenSslServer server = OpenSslServer.start("fallback-highest", pki.rsa.server(), Versions.concat(
                List.of("-min_protocol", "TLSv1", "-max_protocol", "TLSv1.2"), OpenSsl.cipher(SUITE)))) {
            SslConfig config = SslkitClient.config(ProtocolVersion.TLS_1_2, SUITE, pki.rsa).fallback().build();
            byte[] data = Payload.lines(919L);
            SslkitClient.Outcome o = SslkitClient.exchange(config, server.port(), data, data.length);
            OpenSslInteropTest.assertAgreed(o.session(), ProtocolVersion.TLS_1_2, SUITE);
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    private SslConfig serverConfig() {
        return SslConfig.server().policy(Policy.LEGACY)
                .protocols(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_1, ProtocolVersion.TLS_1_2)
                .cipherSuites(SUITE).credential(pki.rsa.server().key(), pki.rsa.server().chain()).build();
    }
}
