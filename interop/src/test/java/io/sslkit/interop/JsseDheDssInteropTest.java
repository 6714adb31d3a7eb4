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
 * Issue 6 against SunJSSE: the DHE_DSS suites with a DSA server certificate, and DSA client authentication. Where
 * JSSE signs with SHA-1 (TLS 1.0/1.1) its key is DSA-1024: JSSE's SHA1withDSA refuses longer keys.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsseDheDssInteropTest {
    private static final List<String> ALL_TLS = List.of("SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
    private static final List<String> UP_TO_TLS_1_1 = List.of("SSL_DHE_DSS_WITH_DES_CBC_SHA");
    private static final List<String> TLS_1_2_ONLY = List.of("TLS_DHE_DSS_WITH_AES_128_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256");

    private final Pki pki = Pki.get();

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ProtocolVersion v : Versions.TLS) {
            ALL_TLS.forEach(s -> out.add(Arguments.of(v, s)));
            (v == ProtocolVersion.TLS_1_2 ? TLS_1_2_ONLY : UP_TO_TLS_1_1).forEach(s -> out.add(Arguments.of(v, s)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void sslkitClientToJsseServer(ProtocolVersion v, String suite) throws Exception {
        JsseCell.sslkitClientToJsse(v, suite, jsseSigner(v, pki.dsa.server(), pki.dsa1024Server), null,
                pki.dsa.anchor());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void jsseClientToSslkitServer(ProtocolVersion v, String suite) throws Exception {
        JsseCell.jsseClientToSslkit(v, suite, pki.dsa.server(), null, pki.dsa.anchor());
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientAuthenticatesWithDsa(ProtocolVersion v) throws Exception {
        JsseCell.sslkitClientToJsse(v, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
                jsseSigner(v, pki.dsa.server(), pki.dsa1024Server), pki.dsa.client(), pki.dsa.anchor());
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void jsseClientAuthenticatesWithDsa(ProtocolVersion v) throws Exception {
        JsseCell.jsseClientToSslkit(v, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", pki.dsa.server(),
                jsseSigner(v, pki.dsa.client(), pki.dsa1024Client), pki.dsa.anchor());
    }

    /** The DSA key JSSE is to sign with: 2048 bits at TLS 1.2 (SHA-256), 1024 bits below (SHA-1). */
    static Pki.Identity jsseSigner(ProtocolVersion v, Pki.Identity dsa2048, Pki.Identity dsa1024) {
        return v == ProtocolVersion.TLS_1_2 ? dsa2048 : dsa1024;
    }
}
