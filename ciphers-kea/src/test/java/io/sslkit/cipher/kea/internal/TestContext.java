package io.sslkit.cipher.kea.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The shared test context as FORTEZZA_KEA gets it: SSL 3.0, unsigned parameters, the bulk cipher named. */
final class TestContext {
    private TestContext() {
    }

    /**
     * The server's and the client's context of one handshake. The server sees the client's certificate only (the
     * client's key stays on the client); the client sees the server's certificate only.
     */
    static TestExchangeContext[] pair(String bulkCipher, X509Certificate serverCertificate, PrivateKey serverKey,
            X509Certificate clientCertificate, PrivateKey clientKey) {
        TestExchangeContext[] pair = TestExchangeContext.pair(ProtocolVersion.SSL_3_0, serverCertificate, serverKey,
                null);
        for (TestExchangeContext c : pair) {
            c.bulkCipherName(bulkCipher).clientCertificate(clientCertificate);
        }
        pair[1].clientPrivateKey(clientKey);
        return pair;
    }
}
