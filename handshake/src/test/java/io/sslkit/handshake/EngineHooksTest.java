package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * The hooks an adapter such as the JSSE provider builds on: the peer verifier, the credential chooser, the CA names
 * of CertificateRequest, the negotiation event, server_name in the session, and the session cache's enumeration and
 * invalidation.
 */
class EngineHooksTest {
    static final ProtocolVersion V = ProtocolVersion.TLS_1_2;
    static final String SUITE = "TLS_RSA_WITH_AES_128_CBC_SHA";
    final TestPki pki = TestPki.get();

    SslConfig.Builder client() {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(V)
                .cipherSuites(SUITE).trustAnchors(List.of(pki.ca.certificate()));
    }

    SslConfig.Builder server() {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(V)
                .credential(pki.server.key(), pki.server.chain()).trustAnchors(List.of(pki.ca.certificate()));
    }

    static SslConfig.Credential credential(TestPki.Identity id) {
        return new SslConfig.Credential(id.key(), List.of(id.chain()));
    }

    @Test
    void verifierSeesEveryChainWithTheNegotiatedFacts() {
        List<PeerChain> seen = new ArrayList<>();
        EnginePair p = new EnginePair(client().serverName("localhost").peerVerifier(seen::add)
                .credential(pki.client.key(), pki.client.chain()).build(),
                server().clientAuth(ClientAuth.NEED).peerVerifier(seen::add).build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(2, seen.size());
        PeerChain ofServer = seen.get(0);
        assertTrue(ofServer.server());
        assertEquals(V, ofServer.version());
        assertEquals(SUITE, ofServer.suite().name());
        assertEquals("RSA", ofServer.keyExchange());
        assertEquals("localhost", ofServer.serverName());
        assertNull(ofServer.finding(), "the chain is trusted and names localhost");
        assertEquals(pki.server.certificate(), ofServer.chain().get(0));
        PeerChain ofClient = seen.get(1);
        assertFalse(ofClient.server());
        assertEquals("RSA", ofClient.keyAlgorithm());
        assertEquals("localhost", ofClient.serverName(), "the server sees the name the client asked for");
        assertEquals(pki.client.certificate(), ofClient.chain().get(0));
    }

    @Test
    void verifierRefusalIsTheAlertOnTheWire() {
        PeerVerifier refuse = peer -> {
            throw new SslAlertException(AlertDescription.UNKNOWN_CA, "not a CA we know");
        };
        EnginePair p = new EnginePair(client().peerVerifier(refuse).build(), server().build());
        assertFalse(p.handshake());
        assertEquals(AlertDescription.UNKNOWN_CA, p.clientFailure.alert());
        assertEquals(AlertDescription.UNKNOWN_CA, p.serverFailure.alert());
        assertTrue(p.serverFailure.isReceived());
    }

    /** The verifier decides alone; sslkit's own finding is advice. */
    @Test
    void verifierMayAcceptWhatPkixRefuses() {
        List<PeerChain> seen = new ArrayList<>();
        EnginePair p = new EnginePair(client().peerVerifier(seen::add).build(),
                SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(V)
                        .credential(pki.otherServer.key(), pki.otherServer.chain()).build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, seen.get(0).finding());
        assertNotNull(seen.get(0).reason());
    }

    @Test
    void certificateRequestNamesTheConfiguredAuthorities() {
        // the server names only the other CA: the client's certificate (from the test CA) does not fit
        SslConfig c = client().credential(pki.client.key(), pki.client.chain()).build();
        EnginePair p = new EnginePair(c, server().clientAuth(ClientAuth.WANT)
                .certificateAuthorities(List.of(pki.otherCa.certificate().getSubjectX500Principal())).build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertTrue(p.server.session().peerCertificates().isEmpty(), "no certificate of a CA the server named");
        // by default the trust anchors are named, and the certificate goes
        EnginePair q = new EnginePair(c, server().clientAuth(ClientAuth.WANT).build());
        assertTrue(q.handshake());
        assertEquals(pki.client.certificate(), q.server.session().peerCertificates().get(0));
    }

    @Test
    void serverChooserIsAskedWithKeyTypesAndServerName() {
        List<String> asked = new ArrayList<>();
        CredentialChooser chooser = new CredentialChooser() {
            @Override
            public List<SslConfig.Credential> serverCredentials(Set<String> keyAlgorithms, String serverName) {
                asked.add(keyAlgorithms + " " + serverName);
                return List.of(credential(pki.server));
            }

            @Override
            public SslConfig.Credential clientCredential(Set<String> keyAlgorithms,
                                                         List<X500Principal> authorities) {
                throw new AssertionError("a server chooses no client credential");
            }
        };
        SslConfig s = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(V).credentialChooser(chooser).build();
        EnginePair p = new EnginePair(client().serverName("localhost").build(), s);
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(List.of("[RSA] localhost"), asked);
        assertEquals(pki.server.certificate(), p.client.session().peerCertificates().get(0));
    }

    @Test
    void serverChooserMayRefuseTheName() {
        CredentialChooser chooser = new CredentialChooser() {
            @Override
            public List<SslConfig.Credential> serverCredentials(Set<String> keyAlgorithms, String serverName)
                    throws SslAlertException {
                throw new SslAlertException(AlertDescription.UNRECOGNIZED_NAME, "no such host: " + serverName);
            }

            @Override
            public SslConfig.Credential clientCredential(Set<String> keyAlgorithms,
                                                         List<X500Principal> authorities) {
                return null;
            }
        };
        SslConfig s = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(V).credentialChooser(chooser).build();
        EnginePair p = new EnginePair(client().serverName("elsewhere.example").build(), s);
        assertFalse(p.handshake());
        assertEquals(AlertDescription.UNRECOGNIZED_NAME, p.clientFailure.alert());
        assertTrue(p.clientFailure.isReceived());
    }

    @Test
    void clientChooserGetsTypesAndCaNames() {
        List<String> asked = new ArrayList<>();
        CredentialChooser chooser = new CredentialChooser() {
            @Override
            public List<SslConfig.Credential> serverCredentials(Set<String> keyAlgorithms, String serverName) {
                throw new AssertionError("a client chooses no server credential");
            }

            @Override
            public SslConfig.Credential clientCredential(Set<String> keyAlgorithms,
                                                         List<X500Principal> authorities) {
                asked.add(keyAlgorithms.contains("RSA") + " " + authorities);
                return credential(pki.client);
            }
        };
        EnginePair p = new EnginePair(client().credentialChooser(chooser).build(),
                server().clientAuth(ClientAuth.NEED).build());
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        assertEquals(List.of("true " + List.of(pki.ca.certificate().getSubjectX500Principal())), asked);
        assertEquals(pki.client.certificate(), p.server.session().peerCertificates().get(0));
    }

    @Test
    void negotiationEventComesBeforeTheCertificates() {
        List<String> events = new ArrayList<>();
        SslListener steps = new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                if (step == HandshakeStep.SERVER_AUTHENTICATION) {
                    events.add("certificate");
                }
            }
        };
        SslConfig c = client().serverName("localhost").listener(steps)
                .negotiationListener(n -> events.add("client " + n.version() + " " + n.suite().name() + " "
                        + n.resumed() + " " + n.serverName())).build();
        SslConfig s = server().negotiationListener(n -> events.add("server " + n.version() + " "
                + n.suite().name() + " " + n.resumed() + " " + n.serverName())).build();
        assertTrue(new EnginePair(c, s).handshake());
        assertEquals(List.of("server TLSv1.2 " + SUITE + " false localhost",
                "client TLSv1.2 " + SUITE + " false localhost", "certificate"), events);
        events.clear();
        EnginePair again = new EnginePair(c, s);
        assertTrue(again.handshake());
        assertEquals(List.of("server TLSv1.2 " + SUITE + " true localhost",
                "client TLSv1.2 " + SUITE + " true localhost"), events);
        assertEquals("localhost", again.server.session().requestedServerName(), "kept with the session");
    }

    @Test
    void sessionsCanBeListedAndInvalidatedOneByOne() {
        SessionCache clientCache = new SessionCache();
        SessionCache serverCache = new SessionCache();
        SslConfig s = server().sessionCache(serverCache).build();
        SslConfig c1 = client().sessionCache(clientCache).build();
        EnginePair first = new EnginePair(SslEngine.client(c1, "one.example", 443), SslEngine.server(s));
        EnginePair second = new EnginePair(SslEngine.client(c1, "two.example", 443), SslEngine.server(s));
        assertTrue(first.handshake());
        assertTrue(second.handshake());
        assertEquals(2, serverCache.sessions().size());
        assertEquals(2, clientCache.sessions().size());
        SslSession one = first.server.session();
        assertTrue(one.creationTime() > 0 && one.lastAccessedTime() >= one.creationTime());

        assertTrue(serverCache.remove(one.id()));
        assertFalse(one.isValid());
        assertEquals(1, serverCache.sessions().size());
        assertArrayEquals(second.server.session().id(), serverCache.sessions().get(0).id());
        EnginePair third = new EnginePair(SslEngine.client(c1, "one.example", 443), SslEngine.server(s));
        assertTrue(third.handshake());
        assertFalse(third.client.session().resumed(), "the removed session is not resumed");

        second.client.session().invalidate();
        EnginePair fourth = new EnginePair(SslEngine.client(c1, "two.example", 443), SslEngine.server(s));
        assertTrue(fourth.handshake());
        assertFalse(fourth.client.session().resumed(), "the invalidated session is not resumed");
        EnginePair fifth = new EnginePair(SslEngine.client(c1, "two.example", 443), SslEngine.server(s));
        assertTrue(fifth.handshake());
        assertTrue(fifth.client.session().resumed(), "the new session of that peer is");
    }
}
