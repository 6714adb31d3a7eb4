package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SSL_RSA_EXPORT_WITH_RC2_CBC_40_MD5 has no live peer on this machine (SunJSSE, OpenSSL 3 and GnuTLS dropped RC2):
 * our client against our server stands in, over loopback sockets, under SSL 3.0 and TLS 1.0 with a 2048-bit
 * certificate, so the 512-bit temporary RSA key and the export key derivation are both on the path. The cipher itself
 * is proven by the RFC 2268 vectors in ciphers-rc2 and the derivation by the handshake's key-block known answers.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Rc2ExportLoopbackTest {
    private static final String SUITE = "SSL_RSA_EXPORT_WITH_RC2_CBC_40_MD5";
    private final Pki pki = Pki.get();

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_0"})
    void ourClientToOurServer(ProtocolVersion version) throws Exception {
        SslConfig server = SslConfig.server().policy(Policy.LEGACY).protocols(version).cipherSuites(SUITE)
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).build();
        byte[] data = Payload.lines(26);
        try (SslkitServer echo = SslkitServer.start(server, data.length)) {
            SslkitClient.Outcome out = SslkitClient.exchange(
                    SslkitClient.config(version, SUITE, pki.rsa).build(), echo.port(), data, data.length);
            SslkitServer.Served served = echo.next(Duration.ofSeconds(20));
            assertNull(served.failure());
            assertEquals(SUITE, out.session().cipherSuite().name());
            assertEquals(version, out.session().protocol());
            assertEquals(SUITE, served.session().cipherSuite().name());
            assertArrayEquals(data, out.received());
        }
    }

    /** Export suites end at TLS 1.0 (RFC 4346 §A.5): at TLS 1.1 nobody may negotiate one. */
    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS_1_1", "TLS_1_2"})
    void notAboveTls10(ProtocolVersion version) throws Exception {
        SslConfig server = SslConfig.server().policy(Policy.LEGACY).protocols(version)
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).build();
        byte[] data = Payload.lines(27);
        try (SslkitServer echo = SslkitServer.start(server, data.length)) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> SslkitClient.exchange(
                    SslkitClient.config(version, SUITE, pki.rsa).build(), echo.port(), data, data.length));
            org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(e.getMessage()).contains("handshake_failure"),
                    () -> "expected handshake_failure, got " + e);
        }
    }
}
