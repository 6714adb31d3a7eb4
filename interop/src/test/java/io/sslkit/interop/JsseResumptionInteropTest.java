package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resumption with SunJSSE at TLS 1.0-1.2, both directions, with JSSE's default extended_master_secret on: JSSE
 * resumes no session without it, so a resumed session here also proves the RFC 7627 exchange.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsseResumptionInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUITE = "TLS_RSA_WITH_AES_128_CBC_SHA";

    private final Pki pki = Pki.get();

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void sslkitClientResumesWithJsse(ProtocolVersion v) throws Exception {
        byte[] data = Payload.lines(v.ordinal() + 1001L);
        try (JsseServer jsse = JsseServer.start(Jsse.context(pki.rsa.server(), pki.rsa.anchor()), v.standardName(),
                SUITE, false, data.length)) {
            SslConfig config = SslConfig.client().policy(Policy.LEGACY).protocols(v).cipherSuites(SUITE)
                    .trustAnchors(List.of(pki.rsa.anchor())).sessionCache(new SessionCache()).build();
            SslSession full = SslkitClient.handshake(config, jsse.port());
            assertFalse(full.resumed());
            JsseServer.Served first = jsse.next(WAIT);
            assertNull(first.failure(), () -> "JSSE server failed: " + first.failure());
            SslkitClient.Outcome o = SslkitClient.exchange(config, jsse.port(), data, data.length);
            JsseServer.Served second = jsse.next(WAIT);
            assertNull(second.failure(), () -> "JSSE server failed: " + second.failure());
            assertTrue(o.session().resumed(), "our client did not resume");
            assertArrayEquals(full.id(), o.session().id());
            assertArrayEquals(first.session().getId(), second.session().getId());
            assertArrayEquals(data, o.received());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void jsseResumesWithSslkitServer(ProtocolVersion v) throws Exception {
        SslConfig config = SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(SUITE)
                .credential(pki.rsa.server().key(), pki.rsa.server().chain()).build();
        // one context for both connections: JSSE's client session cache lives in it
        SSLContext ctx = Jsse.context(null, pki.rsa.anchor());
        try (SslkitServer server = SslkitServer.start(config, 0)) {
            byte[] firstId;
            try (SSLSocket s = Jsse.client(ctx, server.port(), v.standardName(), SUITE)) {
                s.startHandshake();
                firstId = s.getSession().getId();
            }
            SslkitServer.Served first = server.next(WAIT);
            assertNull(first.failure(), () -> "server failed: " + first.failure());
            assertFalse(first.session().resumed());
            try (SSLSocket s = Jsse.client(ctx, server.port(), v.standardName(), SUITE)) {
                s.startHandshake();
                assertArrayEquals(firstId, s.getSession().getId(), "JSSE did not resume");
            }
            SslkitServer.Served second = server.next(WAIT);
            assertNull(second.failure(), () -> "server failed: " + second.failure());
            assertTrue(second.session().resumed(), "our server did not resume");
            assertArrayEquals(first.session().id(), second.session().id());
        }
    }
}
