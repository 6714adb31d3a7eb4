package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The export key derivation (RFC 6101 §6.2.2, RFC 2246 §6.3) and the signed temporary RSA key in ServerKeyExchange,
 * against ourselves and SunJSSE.
 */
class ExportSuitesTest {
    static {
        Jsse.LOOPBACK.getHostAddress();
    }

    final TestPki pki = TestPki.get();

    SslConfig client(String protocol, String suite) {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.byName(protocol).orElseThrow()).cipherSuites(suite)
                .trustAnchors(List.of(pki.ca.certificate())).build();
    }

    SslConfig server(String protocol, String suite) {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.byName(protocol).orElseThrow()).cipherSuites(suite)
                .credential(pki.server.key(), pki.server.chain()).build();
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_RSA_EXPORT_WITH_RC4_40_MD5", "SSLv3, SSL_RSA_EXPORT_WITH_DES40_CBC_SHA",
        "TLSv1, SSL_RSA_EXPORT_WITH_RC4_40_MD5", "TLSv1, SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"})
    void ourClientWithJsseServer(String protocol, String suite) throws Exception {
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), protocol, suite);
        CompletableFuture<List<SSLSession>> server = JsseSsl3InteropTest.jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                client(protocol, suite))) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(50_000, 9));
        }
        assertEquals(suite, server.get(30, TimeUnit.SECONDS).get(0).getCipherSuite());
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_RSA_EXPORT_WITH_RC4_40_MD5", "SSLv3, SSL_RSA_EXPORT_WITH_DES40_CBC_SHA",
        "TLSv1, SSL_RSA_EXPORT_WITH_RC4_40_MD5", "TLSv1, SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"})
    void jsseClientWithOurServer(String protocol, String suite) throws Exception {
        ServerSocket ss = JsseSsl3InteropTest.listen();
        CompletableFuture<List<SslSession>> server = JsseSsl3InteropTest.ourEchoServer(ss, server(protocol, suite), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(null, pki.ca.certificate()), ss.getLocalPort(), protocol,
                suite)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(50_000, 10));
        }
        assertEquals(suite, server.get(30, TimeUnit.SECONDS).get(0).cipherSuite().name());
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_RSA_EXPORT_WITH_RC4_40_MD5", "TLSv1, SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"})
    void loopback(String protocol, String suite) throws Exception {
        EnginePair p = new EnginePair(client(protocol, suite), server(protocol, suite));
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals("export", new String(p.send(false, "export".getBytes())));
    }
}
