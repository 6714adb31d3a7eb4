package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The same engine speaking TLS 1.0-1.2 with SunJSSE, client authentication included (TLS 1.2 CertificateVerify and
 * signature_algorithms), both directions. The full TLS matrix belongs to the TLS issue; this keeps the per-version
 * key schedule honest meanwhile.
 */
class JsseTlsSmokeTest {
    static {
        Jsse.LOOPBACK.getHostAddress();
    }

    final TestPki pki = TestPki.get();

    @ParameterizedTest
    @CsvSource({"TLSv1, SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLSv1.1, TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLSv1.2, TLS_RSA_WITH_AES_256_CBC_SHA256", "TLSv1.2, SSL_RSA_WITH_RC4_128_SHA"})
    void ourClientWithJsseServer(String protocol, String suite) throws Exception {
        SSLServerSocket ss = Jsse.server(Jsse.context(pki.server, pki.ca.certificate()), protocol, suite);
        ss.setNeedClientAuth(true);
        CompletableFuture<List<SSLSession>> server = JsseSsl3InteropTest.jsseEchoServer(ss, 1);
        SslConfig config = SslConfig.client().policy(Policy.LEGACY).registry(JsseSsl3InteropTest.REGISTRY)
                .protocols(ProtocolVersion.values()).cipherSuites(suite).trustAnchors(List.of(pki.ca.certificate()))
                .credential(pki.client.key(), pki.client.chain()).build();
        try (SslSocket s = SslSocket.connect(Jsse.LOOPBACK.getHostAddress(), ss.getLocalPort(), config)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(100_000, 3));
            assertEquals(protocol, s.session().protocol().standardName());
        }
        SSLSession jsse = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(suite, jsse.getCipherSuite());
        assertEquals(pki.client.certificate(), jsse.getPeerCertificates()[0]);
    }

    @ParameterizedTest
    @CsvSource({"TLSv1, SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLSv1.1, TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLSv1.2, TLS_RSA_WITH_AES_256_CBC_SHA256", "TLSv1.2, SSL_RSA_WITH_RC4_128_SHA"})
    void jsseClientWithOurServer(String protocol, String suite) throws Exception {
        ServerSocket ss = JsseSsl3InteropTest.listen();
        SslConfig config = SslConfig.server().policy(Policy.LEGACY).registry(JsseSsl3InteropTest.REGISTRY)
                .protocols(ProtocolVersion.values()).credential(pki.server.key(), pki.server.chain())
                .trustAnchors(List.of(pki.ca.certificate())).clientAuth(ClientAuth.NEED).build();
        CompletableFuture<List<SslSession>> server = JsseSsl3InteropTest.ourEchoServer(ss, config, 1);
        try (SSLSocket s = Jsse.client(Jsse.context(pki.client, pki.ca.certificate()), ss.getLocalPort(), protocol,
                suite)) {
            Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(100_000, 4));
            assertEquals(protocol, s.getSession().getProtocol());
        }
        SslSession ours = server.get(30, TimeUnit.SECONDS).get(0);
        assertEquals(suite, ours.cipherSuite().name());
        assertEquals(pki.client.certificate(), ours.peerCertificates().get(0));
    }
}
