package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6's export suites against SunJSSE under TLS 1.0 (the last version that allows them), both directions. The
 * RSA certificate is 2048 bits, so the server must send a 512-bit temporary RSA key in a ServerKeyExchange, which
 * the tests see cross; DHE_DSS_EXPORT uses a 512-bit group, which only the legacy policy accepts.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsseExportInteropTest {
    private final Pki pki = Pki.get();

    @ParameterizedTest
    @ValueSource(strings = {"SSL_RSA_EXPORT_WITH_RC4_40_MD5", "SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"})
    void sslkitClientToJsseServer(String suite) throws Exception {
        MessageLog log = new MessageLog();
        JsseCell.sslkitClientToJsse(ProtocolVersion.TLS_1_0, suite, pki.rsa.server(), null, pki.rsa.anchor(), log);
        assertTemporaryKeyIs512Bits(log.find(false, "ServerKeyExchange").orElseThrow(
                () -> new AssertionError("no ServerKeyExchange received: " + log)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSL_RSA_EXPORT_WITH_RC4_40_MD5", "SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"})
    void jsseClientToSslkitServer(String suite) throws Exception {
        MessageLog log = new MessageLog();
        JsseCell.jsseClientToSslkit(ProtocolVersion.TLS_1_0, suite, pki.rsa.server(), null, pki.rsa.anchor(), log);
        assertTemporaryKeyIs512Bits(log.find(true, "ServerKeyExchange").orElseThrow(
                () -> new AssertionError("no ServerKeyExchange sent: " + log)));
    }

    /** JSSE signs its ServerKeyExchange with SHA-1 here, which it does only with a DSA-1024 key. */
    @ParameterizedTest
    @ValueSource(strings = {"SSL_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"})
    void sslkitClientToJsseServerDss(String suite) throws Exception {
        JsseCell.sslkitClientToJsse(ProtocolVersion.TLS_1_0, suite, pki.dsa1024Server, null, pki.dsa.anchor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSL_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"})
    void jsseClientToSslkitServerDss(String suite) throws Exception {
        JsseCell.jsseClientToSslkit(ProtocolVersion.TLS_1_0, suite, pki.dsa.server(), null, pki.dsa.anchor());
    }

    /**
     * ServerRSAParams plus the TLS 1.0 signature: modulus<2..> (64 bytes, or 65 with a sign byte), exponent<2..>
     * (65537: 3 bytes) and a 2-byte length before the 256-byte RSA-2048 signature. A 1024-bit or longer temporary
     * key, or the certificate's own 2048-bit key, would make the message at least 64 bytes longer.
     */
    private static void assertTemporaryKeyIs512Bits(MessageLog.Message ske) {
        int signature = 2 + 256;
        int minimum = 2 + 64 + 2 + 1 + signature;
        int maximum = 2 + 65 + 2 + 4 + signature;
        assertTrue(ske.length() >= minimum && ske.length() <= maximum,
                () -> "ServerKeyExchange of " + ske.length() + " bytes does not carry a 512-bit key");
    }
}
