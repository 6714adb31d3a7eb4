package io.sslkit.fuzz;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.DeterministicRandom;
import java.util.List;

/** Engine configurations shared by the targets and tests: the fixed PKI, deterministic randomness, LEGACY policy. */
final class Engines {
    /** Every algorithm module on the test class path, found as an application finds them. */
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.fromServiceLoader(Engines.class.getClassLoader());

    /**
     * RSA suites for each record protection (stream, CBC with implicit IV, CBC with explicit IV, SHA-256 MAC) and
     * one DHE_DSS suite so that the ServerKeyExchange parsers are reachable too. Export suites are left out: a fresh
     * 512-bit RSA key per handshake would cost the fuzzer most of its time for no new parser.
     */
    static final List<String> SUITES = List.of("TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_MD5",
            "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA");

    static final ProtocolVersion[] ALL_VERSIONS = ProtocolVersion.values();

    private Engines() {
    }

    static SslConfig.Builder server(long seed, ProtocolVersion... versions) {
        return SslConfig.server().policy(Policy.LEGACY).registry(REGISTRY).protocols(versions).cipherSuites(SUITES)
                .credential(Pki.RSA.key(), Pki.RSA.certificate()).credential(Pki.DSA.key(), Pki.DSA.certificate())
                .trustAnchors(List.of(Pki.RSA.certificate())).random(new DeterministicRandom(seed));
    }

    static SslConfig.Builder client(long seed, ProtocolVersion... versions) {
        return SslConfig.client().policy(Policy.LEGACY).registry(REGISTRY).protocols(versions).cipherSuites(SUITES)
                .trustAnchors(List.of(Pki.RSA.certificate(), Pki.DSA.certificate()))
                .random(new DeterministicRandom(seed));
    }

    /** A client that trusts whatever a fuzzer sends, so that its input reaches the messages after Certificate. */
    static SslConfig.Builder lenientClient(long seed, ProtocolVersion... versions) {
        return client(seed, versions).insecure();
    }

    static SslEngine serverEngine(SslConfig config) {
        return SslEngine.server(config);
    }

    static SslEngine clientEngine(SslConfig config) {
        return SslEngine.client(config, "localhost", 443);
    }
}
