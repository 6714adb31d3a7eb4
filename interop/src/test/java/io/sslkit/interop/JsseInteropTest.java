package io.sslkit.interop;

import io.sslkit.api.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SunJSSE with an RSA certificate at TLS 1.0-1.2, both directions: every legacy RSA suite JSSE still implements at
 * each version (single DES stops at TLS 1.1) and the AES suites (SHA-256 ones at TLS 1.2 only).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsseInteropTest {
    private static final List<String> ALL_TLS = List.of("SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_SHA",
            "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_NULL_MD5", "SSL_RSA_WITH_NULL_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");
    private static final List<String> UP_TO_TLS_1_1 = List.of("SSL_RSA_WITH_DES_CBC_SHA");
    private static final List<String> TLS_1_2_ONLY = List.of("TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_NULL_SHA256");

    private final Pki pki = Pki.get();

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : Versions.TLS) {
            ALL_TLS.forEach(s -> out.add(Arguments.of(v, s)));
            if (v != ProtocolVersion.TLS_1_2) {
                UP_TO_TLS_1_1.forEach(s -> out.add(Arguments.of(v, s)));
            } else {
                TLS_1_2_ONLY.forEach(s -> out.add(Arguments.of(v, s)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sslkitClientToJsseServer(ProtocolVersion v, String suite) throws Exception {
        JsseCell.sslkitClientToJsse(v, suite, pki.rsa.server(), null, pki.rsa.anchor());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void jsseClientToSslkitServer(ProtocolVersion v, String suite) throws Exception {
        JsseCell.jsseClientToSslkit(v, suite, pki.rsa.server(), null, pki.rsa.anchor());
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientAuthenticatesToJsse(ProtocolVersion v) throws Exception {
        JsseCell.sslkitClientToJsse(v, "TLS_RSA_WITH_AES_128_CBC_SHA", pki.rsa.server(), pki.rsa.client(),
                pki.rsa.anchor());
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void jsseClientAuthenticatesToSslkit(ProtocolVersion v) throws Exception {
        JsseCell.jsseClientToSslkit(v, "TLS_RSA_WITH_AES_128_CBC_SHA", pki.rsa.server(), pki.rsa.client(),
                pki.rsa.anchor());
    }
}
