package io.sslkit.handshake.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.EngineAccess;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.DeterministicRandom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * Engines in the test-only fuzzer mode ({@link Connection#enableFuzzerMode()}), with what makes them reproducible: a
 * deterministic random, a fixed clock and the fixed PKI in {@code fuzz-pki/} (the fuzz module's test keys, valid for a
 * century). The victims' configurations are fixed, because a saved input is the peer's half of a conversation with
 * exactly this victim; the seeds vary the peer's configuration instead.
 */
final class FuzzerModeEngines {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.fromServiceLoader(
            FuzzerModeEngines.class.getClassLoader());
    /** 2026-01-01T00:00:00Z, for ever: gmt_unix_time is the same in every run. */
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);
    /** Stream and CBC protections and one DHE_DSS suite, as the fuzz module's engine targets (no export suites). */
    static final List<String> SUITES = List.of("TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_MD5",
            "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA");

    record Identity(PrivateKey key, X509Certificate certificate) {
    }

    static final Identity RSA = load("rsa", "RSA");
    static final Identity DSA = load("dsa", "DSA");

    private FuzzerModeEngines() {
    }

    /**
     * The server victim: every version and suite; asks for a client certificate, so that Certificate and
     * CertificateVerify are reachable.
     */
    static SslConfig.Builder server() {
        return SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY).protocols(ProtocolVersion.values())
                .cipherSuites(SUITES).credential(RSA.key(), RSA.certificate()).credential(DSA.key(), DSA.certificate())
                .trustAnchors(List.of(RSA.certificate(), DSA.certificate())).clientAuth(ClientAuth.WANT)
                .random(new DeterministicRandom(2)).clock(CLOCK).sessionCache(new SessionCache());
    }

    /**
     * The client victim: every version and suite, accepts any server certificate (so input gets past Certificate)
     * and has a certificate of its own for a CertificateRequest.
     */
    static SslConfig.Builder client() {
        return clientWithoutCertificate().credential(RSA.key(), RSA.certificate());
    }

    static SslConfig.Builder clientWithoutCertificate() {
        return SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).protocols(ProtocolVersion.values())
                .cipherSuites(SUITES).insecure().random(new DeterministicRandom(1)).clock(CLOCK)
                .sessionCache(new SessionCache());
    }

    static SslEngine serverEngine(SslConfig config, boolean fuzzerMode) {
        SslEngine e = SslEngine.server(config);
        if (fuzzerMode) {
            EngineAccess.connection(e).enableFuzzerMode();
        }
        return e;
    }

    static SslEngine clientEngine(SslConfig config, boolean fuzzerMode) {
        SslEngine e = SslEngine.client(config, "localhost", 443);
        if (fuzzerMode) {
            EngineAccess.connection(e).enableFuzzerMode();
        }
        return e;
    }

    private static Identity load(String name, String algorithm) {
        try (InputStream key = resource(name + "-key.pem"); InputStream cert = resource(name + "-cert.pem")) {
            String pem = new String(key.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return new Identity(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)),
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(cert));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("fixed test PKI " + name + " unusable", e);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = FuzzerModeEngines.class.getResourceAsStream("fuzz-pki/" + file);
        if (in == null) {
            throw new IOException("missing test resource fuzz-pki/" + file);
        }
        return in;
    }
}
