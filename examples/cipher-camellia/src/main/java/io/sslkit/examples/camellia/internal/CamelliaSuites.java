package io.sslkit.examples.camellia.internal;

import static io.sslkit.api.ProtocolVersion.TLS_1_0;
import static io.sslkit.api.ProtocolVersion.TLS_1_2;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.spi.CipherSuiteProvider;
import java.util.List;

/**
 * The Camellia suites with SHA-1 MACs (RFC 4132, carried on by RFC 5932) that sslkit's well-known table lacks.
 * Camellia suites are TLS-only: SSL 3.0 never defined them. Each suite is offered only while its key exchange and
 * the SHA digest are registered too, so the DHE_DSS ones stay dormant until a DHE_DSS module is present.
 */
public final class CamelliaSuites implements CipherSuiteProvider {
    private static final List<CipherSuite> SUITES = List.of(
            suite(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", "RSA", "CAMELLIA_256_CBC", "CAMELLIA256-SHA"),
            suite(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "RSA", "CAMELLIA_128_CBC", "CAMELLIA128-SHA"),
            suite(0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", "DHE_DSS", "CAMELLIA_256_CBC",
                    "DHE-DSS-CAMELLIA256-SHA"),
            suite(0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", "DHE_DSS", "CAMELLIA_128_CBC",
                    "DHE-DSS-CAMELLIA128-SHA"));

    private static CipherSuite suite(int code, String name, String keyExchange, String cipher, String openssl) {
        // SHA-1 record MAC; the TLS 1.2 PRF is the default P_SHA256 (RFC 5246 §5), as for every pre-1.2 suite
        return new CipherSuite(code, name, keyExchange, cipher, "SHA", TLS_1_0, TLS_1_2, "SHA256", openssl);
    }

    @Override
    public List<CipherSuite> cipherSuites() {
        return SUITES;
    }
}
