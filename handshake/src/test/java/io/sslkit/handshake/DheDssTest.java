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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signed ServerKeyExchange parameters: DHE_DSS in every version (SSL 3.0 / TLS 1.0 SHA-1 hashes, TLS 1.2
 * digitally-signed with SignatureAndHashAlgorithm), against ourselves and against SunJSSE in SSL 3.0.
 */
class DheDssTest {
    static {
        Jsse.LOOPBACK.getHostAddress();
    }

    final TestPki pki = TestPki.get();

    SslConfig.Builder server() {
        // both credentials: the server must pick the DSA one for a DHE_DSS suite
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.values()).credential(pki.server.key(), pki.server.chain())
                .credential(pki.dsaServer.key(), pki.dsaServer.chain());
    }

    SslConfig client(ProtocolVersion v, String suite) {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(v)
                .cipherSuites(suite).trustAnchors(List.of(pki.ca.certificate())).build();
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "TLSv1, SSL_DHE_DSS_WITH_DES_CBC_SHA",
        "TLSv1.2, TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLSv1.2, TLS_DHE_DSS_WITH_AES_256_CBC_SHA"})
    void loopback(String version, String suite) throws Exception {
        EnginePair p = new EnginePair(client(ProtocolVersion.byName(version).orElseThrow(), suite), server().build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(pki.dsaServer.certificate(), p.client.session().peerCertificates().get(0));
        assertEquals("hi", new String(p.send(true, "hi".getBytes())));
    }

    @Test
    void rsaSuiteStillGetsTheRsaCredential() {
        EnginePair p = new EnginePair(client(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5"), server().build());
        assertTrue(p.handshake());
        assertEquals(pki.server.certificate(), p.client.session().peerCertificates().get(0));
    }

    @Test
    void ourClientWithJsseServerInSsl3() throws Exception {
        String suite = "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA";
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.dsaServer, pki.ca.certificate()), "SSLv3", suite);
        CompletableFuture<List<SSLSession>> server = JsseSsl3InteropTest.jsseEchoServer(ss, 1);
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(),
                client(ProtocolVersion.SSL_3_0, suite))) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(50_000, 5));
        }
        assertEquals(suite, server.get(30, TimeUnit.SECONDS).get(0).getCipherSuite());
    }

    @Test
    void jsseClientWithOurServerInSsl3() throws Exception {
        String suite = "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA";
        ServerSocket ss = JsseSsl3InteropTest.listen();
        CompletableFuture<List<SslSession>> server = JsseSsl3InteropTest.ourEchoServer(ss, server().build(), 1);
        try (SSLSocket s = Jsse.client(Jsse.context(null, pki.ca.certificate()), ss.getLocalPort(), "SSLv3",
                suite)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(50_000, 6));
        }
        assertEquals(suite, server.get(30, TimeUnit.SECONDS).get(0).cipherSuite().name());
    }
}
