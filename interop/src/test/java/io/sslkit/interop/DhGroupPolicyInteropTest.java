package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6's Logjam rule against a real server: s_server offering DHE_DSS with a 1024-bit group is refused by our
 * client under the default policy (minimum 2048 bits) with insufficient_security, and accepted under the legacy
 * policy (minimum 512 bits).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DhGroupPolicyInteropTest {
    private static final String SUITE = "DHE-DSS-AES128-SHA";

    private final Pki pki = Pki.get();

    @Test
    void defaultPolicyRefusesA1024BitGroup() throws Exception {
        try (OpenSslServer server = weakGroupServer()) {
            SslConfig config = SslConfig.client().policy(Policy.DEFAULT).protocols(ProtocolVersion.TLS_1_2)
                    .cipherSuites(SUITE).trustAnchors(List.of(pki.dsa.anchor())).build();
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> SslkitClient.handshake(config, server.port()));
            assertEquals(AlertDescription.INSUFFICIENT_SECURITY, e.alert());
            assertFalse(e.isReceived());
        }
    }

    @Test
    void legacyPolicyAcceptsA1024BitGroup() throws Exception {
        try (OpenSslServer server = weakGroupServer()) {
            byte[] data = Payload.lines(1111L);
            SslkitClient.Outcome o = SslkitClient.exchange(
                    SslkitClient.config(ProtocolVersion.TLS_1_2, SUITE, pki.dsa).build(), server.port(), data,
                    data.length);
            OpenSslInteropTest.assertAgreed(o.session(), ProtocolVersion.TLS_1_2, SUITE);
            assertArrayEquals(Payload.reversedLines(data), o.received());
        }
    }

    private OpenSslServer weakGroupServer() throws Exception {
        return OpenSslServer.start("dh1024", pki.dsa.server(), Versions.concat(List.of("-tls1_2", "-dhparam",
                DhParams.weak1024().toString()), OpenSsl.cipher(SUITE)));
    }
}
