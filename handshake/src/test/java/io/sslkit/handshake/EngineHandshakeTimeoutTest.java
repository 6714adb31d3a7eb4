package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the bare {@link SslEngine} enforces {@link SslConfig#handshakeTimeout()} with the configuration's clock,
 * here a manually advanced one, so every case is exact and instant.
 */
class EngineHandshakeTimeoutTest {
    static final Duration LIMIT = Duration.ofSeconds(10);
    static final Duration JUST_UNDER = LIMIT.minusMillis(1);
    static final Duration JUST_OVER = LIMIT.plusMillis(1);

    final TestPki pki = TestPki.get();
    final ManualClock clock = new ManualClock();
    final SessionCache clientCache = new SessionCache();

    SslEngine client() {
        return SslEngine.client(SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).trustAnchors(List.of(pki.ca.certificate())).clock(clock)
                .sessionCache(clientCache).handshakeTimeout(LIMIT).build(), "localhost", 443);
    }

    SslEngine server() {
        return SslEngine.server(SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).credential(pki.server.key(), pki.server.chain()).clock(clock)
                .handshakeTimeout(LIMIT).build());
    }

    @Test
    void justUnderTheLimitTheHandshakeCompletes() throws Exception {
        SslEngine client = client();
        SslEngine server = server();
        deliver(wrapAll(client), server);       // both clocks start here
        byte[] serverFlight = wrapAll(server);
        clock.advance(JUST_UNDER);
        deliver(serverFlight, client);
        deliver(wrapAll(client), server);
        deliver(wrapAll(server), client);
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete());
        assertEquals(null, client.failure());
    }

    @Test
    void overTheLimitHandshakeFailureIsSentAndNothingMoreAccepted() throws Exception {
        SslEngine client = client();
        SslEngine server = server();
        deliver(wrapAll(client), server);
        byte[] serverFlight = wrapAll(server);
        clock.advance(JUST_OVER);
        ByteBuffer app = ByteBuffer.allocate(client.applicationBufferSize());
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> client.unwrap(ByteBuffer.wrap(serverFlight), app));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        assertTrue(e.getMessage().contains("handshake timeout of " + LIMIT), e.getMessage());
        assertTrue(client.handshakeTimedOut());
        // on the wire: one plaintext record, alert(21), level fatal(2), handshake_failure(40)
        byte[] alert = wrapAll(client);
        assertEquals(7, alert.length);
        assertEquals(21, alert[0]);
        assertArrayEquals(new byte[] {2, 40}, new byte[] {alert[5], alert[6]});
        SslEngine.Result r;
        try {
            r = client.unwrap(ByteBuffer.wrap(serverFlight), ByteBuffer.allocate(client.applicationBufferSize()));
            assertEquals(SslEngine.Status.CLOSED, r.status(), "a timed-out engine accepted more input");
        } catch (SslAlertException again) {
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, again.alert());
        }
        assertEquals(3, alert[1], "record version major");
    }

    @Test
    void aTimedOutResumptionLeavesTheSessionUnresumable() throws Exception {
        handshake(client(), server());
        assertEquals(1, clientCache.size());
        SslEngine client = client();
        SslEngine server = server();
        deliver(wrapAll(client), server);       // offers the cached session
        byte[] serverFlight = wrapAll(server);
        clock.advance(JUST_OVER);
        assertThrows(SslAlertException.class, () -> deliver(serverFlight, client));
        assertEquals(0, clientCache.size(), "the session of a failed handshake is still offered");
    }

    @Test
    void theLimitDoesNotApplyOnceTheHandshakeIsComplete() throws Exception {
        SslEngine client = client();
        SslEngine server = server();
        handshake(client, server);
        clock.advance(Duration.ofHours(1));
        assertEquals("ping", new String(deliver(wrapData(client, "ping"), server), StandardCharsets.US_ASCII));
        clock.advance(Duration.ofHours(1));
        assertEquals("pong", new String(deliver(wrapData(server, "pong"), client), StandardCharsets.US_ASCII));
    }

    @Test
    void aRenegotiationGetsAFreshLimit() throws Exception {
        SslEngine client = client();
        SslEngine server = server();
        handshake(client, server);
        clock.advance(Duration.ofHours(1));
        client.beginHandshake();
        deliver(wrapAll(client), server);
        byte[] serverFlight = wrapAll(server);
        clock.advance(JUST_UNDER);
        deliver(serverFlight, client);
        deliver(wrapAll(client), server);
        deliver(wrapAll(server), client);
        assertEquals(2, client.completedHandshakes());
        assertEquals(2, server.completedHandshakes());

        clock.advance(Duration.ofHours(1));
        client.beginHandshake();
        deliver(wrapAll(client), server);
        byte[] secondFlight = wrapAll(server);
        clock.advance(JUST_OVER);
        SslAlertException e = assertThrows(SslAlertException.class, () -> deliver(secondFlight, client));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        assertNotNull(client.failure());
        assertFalse(client.session().isValid(), "the session of a timed-out renegotiation stays resumable");
    }

    /** Runs a handshake to its end without moving the clock. */
    static void handshake(SslEngine client, SslEngine server) throws SslAlertException {
        for (int i = 0; i < 10 && !(client.isHandshakeComplete() && server.isHandshakeComplete()); i++) {
            deliver(wrapAll(client), server);
            deliver(wrapAll(server), client);
        }
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete());
    }

    static byte[] wrapAll(SslEngine e) throws SslAlertException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
        while (true) {
            net.clear();
            if (e.wrap(ByteBuffer.allocate(0), net).bytesProduced() == 0) {
                return out.toByteArray();
            }
            out.write(net.array(), 0, net.position());
        }
    }

    static byte[] wrapData(SslEngine e, String text) throws SslAlertException {
        ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
        e.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), net);
        return java.util.Arrays.copyOf(net.array(), net.position());
    }

    /** Unwraps every record of {@code bytes}; returns the application data they carried. */
    static byte[] deliver(byte[] bytes, SslEngine e) throws SslAlertException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer app = ByteBuffer.allocate(e.applicationBufferSize());
        while (in.hasRemaining()) {
            app.clear();
            SslEngine.Result r = e.unwrap(in, app);
            data.write(app.array(), 0, app.position());
            if (r.status() != SslEngine.Status.OK) {
                break;
            }
        }
        return data.toByteArray();
    }

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
