package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.cipher.kea.KeaCredentials;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * FORTEZZA_KEA (SSL 3.0 only): a KEA server certificate, the unsigned ServerKeyExchange, and for the SKIPJACK suite
 * bulk keys that the key exchange delivers itself. No live peer exists; our client against our server stands in.
 */
class FortezzaTest {
    static KeaCredentials server;

    @BeforeAll
    static void credentials() throws Exception {
        server = KeaCredentials.generate("localhost", new SecureRandom());
    }

    SslConfig.Builder client(String suite) {
        X509Certificate issuer = server.chain().get(1);
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.SSL_3_0).cipherSuites(suite).trustAnchors(List.of(issuer));
    }

    SslConfig.Builder serverConfig() {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.SSL_3_0)
                .credential(server.privateKey(), server.chain().toArray(new X509Certificate[0]))
                .credential(TestPki.get().server.key(), TestPki.get().server.chain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA",
        "SSL_FORTEZZA_KEA_WITH_NULL_SHA"})
    void handshakeAndData(String suite) throws Exception {
        EnginePair p = new EnginePair(client(suite).build(), serverConfig().build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(suite, p.client.session().cipherSuite().name());
        assertEquals(server.certificate(), p.client.session().peerCertificates().get(0));
        byte[] data = Echo.randomBytes(40_000, 11);
        assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(p.send(true, data)));
        assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(p.send(false, data)));
    }

    /** SKIPJACK keys come from the key exchange, not from the master secret: such a session is not resumed. */
    @Test
    void deliveredKeysAreNotResumed() {
        SslConfig c = client("SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA").build();
        SslConfig s = serverConfig().build();
        assertTrue(new EnginePair(c, s).handshake());
        EnginePair second = new EnginePair(c, s);
        assertTrue(second.handshake());
        assertFalse(second.client.session().resumed());
    }

    @Test
    void clientAuthenticatesWithADssCertificate() {
        TestPki pki = TestPki.get();
        SslConfig c = client("SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA")
                .credential(pki.dsaServer.key(), pki.dsaServer.chain()).build();
        SslConfig s = serverConfig().clientAuth(ClientAuth.NEED).trustAnchors(List.of(pki.ca.certificate())).build();
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(pki.dsaServer.certificate(), p.server.session().peerCertificates().get(0));
    }

    /**
     * fortezza_dms: a client authenticates with its own KEA certificate, which cannot sign, so no CertificateVerify
     * follows; the server still checks the chain and hands the certificate to the key exchange.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA"})
    void clientAuthenticatesWithAKeaCertificate(String suite) throws Exception {
        KeaCredentials client = KeaCredentials.generate("fortezza client", new SecureRandom());
        List<String> messages = new java.util.ArrayList<>();
        io.sslkit.api.SslListener record = new io.sslkit.api.SslListener() {
            @Override
            public void handshakeMessage(boolean sent, String type, int length) {
                messages.add((sent ? "sent " : "received ") + type);
            }
        };
        SslConfig c = client(suite).credential(client.privateKey(), client.chain().toArray(new X509Certificate[0]))
                .listener(record).build();
        SslConfig s = serverConfig().clientAuth(ClientAuth.NEED).trustAnchors(List.of(client.chain().get(1)))
                .build();
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(client.certificate(), p.server.session().peerCertificates().get(0));
        assertEquals(client.certificate(), p.client.session().localCertificates().get(0));
        assertTrue(messages.contains("sent Certificate"), messages::toString);
        assertFalse(messages.contains("sent CertificateVerify"), messages::toString);
        byte[] data = Echo.randomBytes(5_000, 12);
        assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(p.send(true, data)));
    }

    /**
     * A KEA certificate from another authority is refused like any other: each generated authority has the same
     * name, so PKIX finds the trusted one and its key does not verify the signature (bad_certificate).
     */
    @Test
    void untrustedKeaClientCertificateIsRefused() throws Exception {
        KeaCredentials client = KeaCredentials.generate("stranger", new SecureRandom());
        SslConfig c = client("SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA")
                .credential(client.privateKey(), client.chain().toArray(new X509Certificate[0])).build();
        SslConfig s = serverConfig().clientAuth(ClientAuth.NEED).trustAnchors(List.of(server.chain().get(1)))
                .certificateAuthorities(List.of()).build();
        EnginePair p = new EnginePair(c, s);
        assertFalse(p.handshake());
        assertNotNull(p.serverFailure);
        assertEquals(io.sslkit.api.AlertDescription.BAD_CERTIFICATE, p.serverFailure.alert(),
                p.serverFailure::getMessage);
    }
}
