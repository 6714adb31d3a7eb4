package io.sslkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.testing.EngineDriver;

/**
 * Fuzz target for the client engine: after it has sent its ClientHello (offering SSL 3.0 to TLS 1.2, RSA and
 * DHE_DSS suites), everything the "server" sends is fuzzer input. The client accepts any certificate so that input
 * reaches ServerKeyExchange, CertificateRequest and ServerHelloDone.
 */
class ClientEngineFuzzTest {
    static {
        // load every reachable class once (see ServerEngineFuzzTest)
        Loopback.handshake(Engines.lenientClient(1, Engines.ALL_VERSIONS).build(),
                Engines.server(2, Engines.ALL_VERSIONS).build());
    }

    @FuzzTest
    void serverFlight(byte[] data) {
        Budget.allowingClassLoading(() -> {
            SslEngine client = Engines.clientEngine(Engines.lenientClient(1, Engines.ALL_VERSIONS).build());
            EngineDriver driver = new EngineDriver(client, new Budget(data.length,
                    ServerEngineFuzzTest.FIXED_ALLOCATION, ServerEngineFuzzTest.ALLOCATION_PER_INPUT_BYTE));
            ServerEngineFuzzTest.checkOutput(driver.openThenFeed(data), data.length);
        });
    }
}
