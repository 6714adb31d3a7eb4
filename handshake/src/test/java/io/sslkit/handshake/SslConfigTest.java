package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SslConfigTest {
    static final AlgorithmRegistry REGISTRY = LoopbackHandshakeTest.REGISTRY;

    @Test
    void suitesByJsseIanaOpensslNameOrCode() {
        SslConfig c = SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY)
                .cipherSuites("SSL_RSA_WITH_RC4_128_MD5", "TLS_RSA_WITH_RC4_128_SHA", "DES-CBC3-SHA", "0x0009").build();
        assertEquals(List.of("SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA",
                "SSL_RSA_WITH_DES_CBC_SHA"), c.cipherSuites().stream().map(CipherSuite::name).toList());
    }

    @Test
    void unknownSuiteNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).cipherSuites("RC4-MD5", "NOPE-SHA")
                        .build());
        assertTrue(e.getMessage().contains("NOPE-SHA"), e::getMessage);
    }

    @Test
    void suiteWhoseModuleIsMissingIsRefusedByName() {
        AlgorithmRegistry empty = new AlgorithmRegistry();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SslConfig.client().policy(Policy.LEGACY).registry(empty).cipherSuites("RC4-MD5").build());
        assertTrue(e.getMessage().contains("RC4-MD5") && e.getMessage().contains("RC4_128"), e::getMessage);
    }

    @Test
    void suiteThePolicyForbidsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SslConfig.client().registry(REGISTRY).cipherSuites("SSL_RSA_WITH_NULL_MD5").build());
    }

    @Test
    void versionThePolicyForbidsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SslConfig.client().registry(REGISTRY).protocols(ProtocolVersion.SSL_3_0).build());
    }

    @Test
    void defaultPolicyOffersOnlyTls12AndModernSuites() {
        SslConfig c = SslConfig.client().registry(REGISTRY).build();
        assertEquals(java.util.Set.of(ProtocolVersion.TLS_1_2), c.protocols());
        assertTrue(c.cipherSuites().stream().noneMatch(s -> s.cipher().startsWith("RC4") || s.cipher().equals("NULL")
                || s.cipher().startsWith("DES")), () -> c.cipherSuites().toString());
        assertTrue(!c.cipherSuites().isEmpty());
    }

    @Test
    void serverNeedsACredential() {
        assertThrows(IllegalArgumentException.class, () -> SslConfig.server().registry(REGISTRY).build());
    }

    @Test
    void engineRoleMustMatchTheConfiguration() {
        SslConfig c = SslConfig.client().registry(REGISTRY).build();
        assertThrows(IllegalArgumentException.class, () -> SslEngine.server(c));
    }

    @Test
    void limitsAndHooksHaveSafeDefaultsAndAreChecked() {
        TestPki pki = TestPki.get();
        SslConfig c = SslConfig.client().registry(REGISTRY).trustAnchors(List.of(pki.ca.certificate())).build();
        assertTrue(c.renegotiation());
        assertEquals(SslConfig.DEFAULT_MAX_RENEGOTIATIONS_PER_MINUTE, c.maxRenegotiationsPerMinute());
        assertEquals(null, c.peerVerifier());
        assertEquals(null, c.credentialChooser());
        assertEquals(List.of(pki.ca.certificate().getSubjectX500Principal()), c.certificateAuthorities(),
                "by default CertificateRequest names the trust anchors");
        assertThrows(IllegalArgumentException.class, () -> SslConfig.client().maxRenegotiationsPerMinute(-1));
        assertThrows(IllegalArgumentException.class,
                () -> SslConfig.server().registry(REGISTRY).build(), "a server with neither credential nor chooser");
    }

    @Test
    void aServerWithAChooserNeedsNoConfiguredCredential() {
        CredentialChooser none = new CredentialChooser() {
            @Override
            public List<SslConfig.Credential> serverCredentials(java.util.Set<String> keyAlgorithms,
                                                                String serverName) {
                return List.of();
            }

            @Override
            public SslConfig.Credential clientCredential(java.util.Set<String> keyAlgorithms,
                                                         List<javax.security.auth.x500.X500Principal> authorities) {
                return null;
            }
        };
        SslConfig s = SslConfig.server().registry(REGISTRY).credentialChooser(none).build();
        assertTrue(s.credentials().isEmpty());
        assertEquals(none, s.credentialChooser());
    }
}
