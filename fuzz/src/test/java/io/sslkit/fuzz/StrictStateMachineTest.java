package io.sslkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machines of both engines are strict: for each version, each side, the full and the abbreviated
 * handshake, and each point where the side waits for a record, every message that is not allowed there (a skipped
 * message, an early or repeated ChangeCipherSpec, Finished before ChangeCipherSpec, application data before
 * Finished, a message of the other side...) ends the connection with a fatal unexpected_message alert, on the wire,
 * and the session cannot be resumed afterwards. The table is generated: rows = (side, version, handshake, position)
 * x every content the catalog knows, minus what is allowed at that position.
 */
class StrictStateMachineTest {
    enum Side { CLIENT, SERVER }

    enum Handshake { FULL, ABBREVIATED }

    /** Everything that can arrive: each handshake message type, ChangeCipherSpec, application data. */
    enum Kind {
        HELLO_REQUEST(0), CLIENT_HELLO(1), SERVER_HELLO(2), CERTIFICATE(11), SERVER_KEY_EXCHANGE(12),
        CERTIFICATE_REQUEST(13), SERVER_HELLO_DONE(14), CERTIFICATE_VERIFY(15), CLIENT_KEY_EXCHANGE(16),
        FINISHED(20), CHANGE_CIPHER_SPEC(-1), APPLICATION_DATA(-1);

        final int handshakeType;

        Kind(int handshakeType) {
            this.handshakeType = handshakeType;
        }

        /** A message of this kind; its body does not matter, a strict machine refuses it by its type alone. */
        Conversation.Injection content(ProtocolVersion v) {
            if (this == CHANGE_CIPHER_SPEC) {
                return new Conversation.Injection(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
            }
            if (this == APPLICATION_DATA) {
                return new Conversation.Injection(ContentType.APPLICATION_DATA, "GET / HTTP/1.0\r\n".getBytes());
            }
            int bodyLength = this == FINISHED ? (v.isSsl3() ? 36 : 12) : 0;
            byte[] m = new byte[4 + bodyLength];
            m[0] = (byte) handshakeType;
            m[3] = (byte) bodyLength;
            return new Conversation.Injection(ContentType.HANDSHAKE, m);
        }
    }

    /** What each side receives, in order, in each handshake (RSA key exchange, no client authentication). */
    static final Map<Side, Map<Handshake, List<Kind>>> EXPECTED = Map.of(
            Side.SERVER, Map.of(
                    Handshake.FULL, List.of(Kind.CLIENT_HELLO, Kind.CLIENT_KEY_EXCHANGE, Kind.CHANGE_CIPHER_SPEC,
                            Kind.FINISHED),
                    Handshake.ABBREVIATED, List.of(Kind.CLIENT_HELLO, Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED)),
            Side.CLIENT, Map.of(
                    Handshake.FULL, List.of(Kind.SERVER_HELLO, Kind.CERTIFICATE, Kind.SERVER_HELLO_DONE,
                            Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED),
                    Handshake.ABBREVIATED, List.of(Kind.SERVER_HELLO, Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED)));

    static final Map<ProtocolVersion, String> SUITE = Map.of(
            ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5",
            ProtocolVersion.TLS_1_0, "TLS_RSA_WITH_AES_128_CBC_SHA",
            ProtocolVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_CBC_SHA256");

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2)) {
            for (Side side : Side.values()) {
                for (Handshake h : Handshake.values()) {
                    List<Kind> expected = EXPECTED.get(side).get(h);
                    for (int at = 0; at < expected.size(); at++) {
                        for (Kind k : Kind.values()) {
                            if (allowed(side, h, at, k)) {
                                continue;
                            }
                            rows.add(Arguments.of(side, v, h, at, expected.get(at), k));
                        }
                    }
                }
            }
        }
        return rows.stream();
    }

    /**
     * Allowed at a position: the expected message; CertificateRequest where ServerHelloDone is due (optional, and
     * the client then expects ServerHelloDone); HelloRequest anywhere on the client while plaintext (RFC 5246
     * §7.4.1.1: ignored during a handshake; once protected, an ignored record would shift the sequence numbers).
     */
    static boolean allowed(Side side, Handshake h, int at, Kind k) {
        List<Kind> expected = EXPECTED.get(side).get(h);
        if (expected.get(at) == k) {
            return true;
        }
        if (side == Side.CLIENT && k == Kind.CERTIFICATE_REQUEST && expected.get(at) == Kind.SERVER_HELLO_DONE) {
            return true;
        }
        return side == Side.CLIENT && k == Kind.HELLO_REQUEST;
    }

    @ParameterizedTest(name = "{0} {1} {2}: {5} where {4} is due")
    @MethodSource("table")
    void notAllowedHereIsUnexpectedMessage(Side side, ProtocolVersion v, Handshake h, int at, Kind due, Kind injected)
            throws Exception {
        SessionCache clientCache = new SessionCache();
        SessionCache serverCache = new SessionCache();
        byte[] resumedMaster = null;
        if (h == Handshake.ABBREVIATED) {
            resumedMaster = establishSession(v, clientCache, serverCache);
        }
        Conversation c = new Conversation(client(v, clientCache), server(v, serverCache), side == Side.SERVER,
                resumedMaster);
        SslAlertException failure = c.run(at, injected.content(v));

        assertNotNull(failure, injected + " was accepted where " + due + " was due");
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, failure.alert(), failure::getMessage);
        assertFalse(failure.isReceived(), "the victim must detect the error itself");
        assertArrayEquals(Conversation.fatal(AlertDescription.UNEXPECTED_MESSAGE), c.lastAlertSent(),
                "fatal unexpected_message on the wire");
        assertFalse(c.victim().isHandshakeComplete());
        assertNull(c.victim().session());
        SessionCache victimCache = side == Side.SERVER ? serverCache : clientCache;
        // before the server has read the ClientHello that names it, the session is no part of this connection
        boolean involved = h == Handshake.ABBREVIATED && (side == Side.CLIENT || at > 0);
        if (h == Handshake.ABBREVIATED && !involved) {
            assertEquals(1, victimCache.size(), "a session the connection never named must survive");
            return;
        }
        assertEquals(0, victimCache.size(), "the session must be gone from the " + side + "'s cache");
        if (involved) {
            // a new server seed: the same one would draw the very session_id of the invalidated session again
            Loopback again = Loopback.handshake(client(v, clientCache),
                    Engines.serverEngine(Engines.server(13, v).cipherSuites(SUITE.get(v)).sessionCache(serverCache)
                            .build()));
            assertTrue(again.complete(), () -> "handshake after the failure: " + again.clientFailure + " / "
                    + again.serverFailure);
            assertFalse(again.client.session().resumed(), "the session was resumed after a fatal alert");
        }
    }

    /** HelloRequest while the client negotiates is ignored (RFC 5246 §7.4.1.1): the handshake still completes. */
    @ParameterizedTest(name = "{0}: HelloRequest before record {1}")
    @MethodSource("helloRequestRows")
    void clientIgnoresHelloRequestDuringHandshake(ProtocolVersion v, int at) throws Exception {
        Conversation c = new Conversation(client(v, new SessionCache()), server(v, new SessionCache()), false, null);
        assertNull(c.run(at, Kind.HELLO_REQUEST.content(v)));
        assertTrue(c.client.isHandshakeComplete() && c.server.isHandshakeComplete());
    }

    static Stream<Arguments> helloRequestRows() {
        List<Arguments> rows = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_2)) {
            for (int at = 0; at < 4; at++) {
                rows.add(Arguments.of(v, at));
            }
        }
        return rows.stream();
    }

    /**
     * With renegotiation turned off, after the handshake a ClientHello (at the server) or HelloRequest (at the
     * client) is declined: TLS with a no_renegotiation warning and the connection goes on; SSL 3.0, which has no
     * such alert, with fatal unexpected_message at the server and by ignoring the HelloRequest at the client. Any
     * other handshake message or a ChangeCipherSpec after the handshake is unexpected_message.
     */
    @ParameterizedTest(name = "{0} {1}: {2} after the handshake")
    @MethodSource("afterHandshakeRows")
    void afterTheHandshake(Side side, ProtocolVersion v, Kind injected) throws Exception {
        SessionCache clientCache = new SessionCache();
        SessionCache serverCache = new SessionCache();
        SslEngine client = Engines.clientEngine(Engines.client(11, v).cipherSuites(SUITE.get(v))
                .sessionCache(clientCache).renegotiation(false).build());
        SslEngine server = Engines.serverEngine(Engines.server(12, v).cipherSuites(SUITE.get(v))
                .sessionCache(serverCache).renegotiation(false).build());
        Conversation c = new Conversation(client, server, side == Side.SERVER, null);
        int at = EXPECTED.get(side).get(Handshake.FULL).size();
        SslAlertException failure = c.run(at, injected.content(v));
        boolean renegotiation = injected == (side == Side.SERVER ? Kind.CLIENT_HELLO : Kind.HELLO_REQUEST);
        if (renegotiation && !v.isSsl3()) {
            assertNull(failure, () -> "renegotiation should be declined politely: " + failure);
            assertArrayEquals(new int[] {1, AlertDescription.NO_RENEGOTIATION.code()}, c.lastAlertSent());
            assertEquals(1, (side == Side.SERVER ? serverCache : clientCache).size(), "the session stays valid");
        } else if (renegotiation && side == Side.CLIENT) {
            assertNull(failure, () -> "an SSL 3.0 client ignores HelloRequest: " + failure);
        } else {
            assertNotNull(failure, injected + " was accepted after the handshake");
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, failure.alert(), failure::getMessage);
            assertArrayEquals(Conversation.fatal(AlertDescription.UNEXPECTED_MESSAGE), c.lastAlertSent());
            assertEquals(0, (side == Side.SERVER ? serverCache : clientCache).size(),
                    "a fatal alert must invalidate the session");
        }
    }

    /**
     * With renegotiation on, a renegotiating ClientHello that does not prove the previous Finished in
     * renegotiation_info (here: an initial-style hello, with the SCSV and without the extension) is refused with
     * handshake_failure (RFC 5746 §3.7), and the session is invalidated.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1, SSL_RSA_WITH_RC4_128_SHA", "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256"})
    void renegotiationWithoutRenegotiationInfoIsRefused(String version, String suite) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SessionCache serverCache = new SessionCache();
        SslEngine server = Engines.serverEngine(Engines.server(12, v).cipherSuites(suite).sessionCache(serverCache)
                .renegotiation(true).build());
        SslEngine client = Engines.clientEngine(Engines.client(11, v).cipherSuites(suite)
                .sessionCache(new SessionCache()).build());
        Conversation c = new Conversation(client, server, true, null);
        byte[] initialHello = Wiretap.messages(Wiretap.records(ServerEngineFuzzTest.clientHello(v)).get(0)
                .fragment()).get(0);
        SslAlertException failure = c.run(EXPECTED.get(Side.SERVER).get(Handshake.FULL).size(),
                new Conversation.Injection(ContentType.HANDSHAKE, initialHello));
        assertNotNull(failure, "a renegotiation without renegotiation_info was accepted");
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, failure.alert(), failure::getMessage);
        assertArrayEquals(Conversation.fatal(AlertDescription.HANDSHAKE_FAILURE), c.lastAlertSent());
        assertEquals(0, serverCache.size(), "a fatal alert must invalidate the session");
    }

    static Stream<Arguments> afterHandshakeRows() {
        List<Arguments> rows = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_2)) {
            for (Side side : Side.values()) {
                for (Kind k : Kind.values()) {
                    if (k != Kind.APPLICATION_DATA) {
                        rows.add(Arguments.of(side, v, k));
                    }
                }
            }
        }
        return rows.stream();
    }

    /** A completed full handshake that leaves the session in both caches; returns its master secret. */
    private static byte[] establishSession(ProtocolVersion v, SessionCache clientCache, SessionCache serverCache)
            throws Exception {
        Conversation first = new Conversation(client(v, clientCache), server(v, serverCache), true, null);
        assertNull(first.run(Integer.MAX_VALUE, null));
        assertTrue(first.client.isHandshakeComplete() && first.server.isHandshakeComplete());
        assertEquals(1, clientCache.size());
        assertEquals(1, serverCache.size());
        return first.tap.secrets(null).masterSecret();
    }

    static SslEngine client(ProtocolVersion v, SessionCache cache) {
        return Engines.clientEngine(Engines.client(11, v).cipherSuites(SUITE.get(v)).sessionCache(cache).build());
    }

    static SslEngine server(ProtocolVersion v, SessionCache cache) {
        return Engines.serverEngine(Engines.server(12, v).cipherSuites(SUITE.get(v)).sessionCache(cache).build());
    }
}
