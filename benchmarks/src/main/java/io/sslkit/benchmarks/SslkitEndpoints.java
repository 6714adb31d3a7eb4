package io.sslkit.benchmarks;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.Policy;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import java.util.List;

/**
 * sslkit configured as an application would: algorithm modules found by ServiceLoader, the legacy policy (SSL 3.0,
 * RC4 and 3DES need it), one protocol and one suite, the server's chain checked against the benchmark CA.
 */
final class SslkitEndpoints implements Endpoints {
    private final SslConfig client;
    private final SslConfig server;

    SslkitEndpoints(Scenario scenario) {
        Pki pki = Pki.get();
        AlgorithmRegistry registry = AlgorithmRegistry.getDefault();
        client = SslConfig.client().policy(Policy.LEGACY).registry(registry).protocols(scenario.version())
                .cipherSuites(scenario.suite()).trustAnchors(List.of(pki.ca)).build();
        server = SslConfig.server().policy(Policy.LEGACY).registry(registry).protocols(scenario.version())
                .cipherSuites(scenario.suite()).credential(pki.serverKey, pki.serverChain).build();
    }

    @Override
    public Pair newPair(boolean resumable) {
        SslEngine c = resumable ? SslEngine.client(client, "localhost", 443) : SslEngine.client(client, null, -1);
        return new SslkitPair(c, SslEngine.server(server));
    }
}
