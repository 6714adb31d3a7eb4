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
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machines of both engines are strict: for each version, each side, each handshake shape (full RSA,
 * abbreviated, full DHE_DSS with client authentication required) and each point where the side waits for a record,
 * every message that is not allowed there (a skipped message, a repeated one, an early or repeated
 * ChangeCipherSpec, Finished before ChangeCipherSpec, application data before Finished, a message of the other
 * side...) is refused on arrival with a fatal alert on the wire, unexpected_message but for one case RFC 6101 makes
 * legal (see {@link #expectedAlert}), and the session cannot be resumed afterwards. The table is generated: rows =
 * (side, version, handshake, position) x every content the catalog knows, minus what is allowed at that position.
 */
class StrictStateMachineTest {
    enum Side { CLIENT, SERVER }

    /**
     * FULL: RSA key exchange, no client authentication. ABBREVIATED: resumption of such a session.
     * FULL_DHE_CLIENT_AUTH: DHE_DSS (so a ServerKeyExchange is required) with a server that needs a client
     * certificate (so Certificate and CertificateVerify from the client are required).
     */
    enum Handshake { FULL, ABBREVIATED, FULL_DHE_CLIENT_AUTH }

    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_0,
            ProtocolVersion.TLS_1_1, ProtocolVersion.TLS_1_2);

    /** Everything that can arrive: each handshake message type, ChangeCipherSpec, application data. */
    enum Kind {
        HELLO_REQUEST(0), CLIENT_HELLO(1), SERVER_HELLO(2), CERTIFICATE(11), SERVER_KEY_EXCHANGE(12),
        CERTIFICATE_REQUEST(13), SERVER_HELLO_DONE(14), CERTIFICATE_VERIFY(15), CLIENT_KEY_EXCHANGE(16),
        FINISHED(20), CHANGE_CIPHER_SPEC(-1), APPLICATION_DATA(-1);

        final int handshakeType;

        Kind(int handshakeType) {
            this.handshakeType = handshakeType;
        }

        /**
         * A message of this kind. A strict machine refuses it by its type alone, before the body is read; the
         * bodies of Finished, ServerKeyExchange and CertificateVerify are still well formed (a verify_data of the
         * right length, DH parameters and a signature of the version's shape) so that a machine that wrongly
         * accepts one shows up as accepting it, not as a decode_error.
         */
        Conversation.Injection content(ProtocolVersion v) {
            if (this == CHANGE_CIPHER_SPEC) {
                return new Conversation.Injection(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
            }
            if (this == APPLICATION_DATA) {
                return new Conversation.Injection(ContentType.APPLICATION_DATA, "GET / HTTP/1.0\r\n".getBytes());
            }
            byte[] body = switch (this) {
                case FINISHED -> new byte[v.isSsl3() ? 36 : 12];
                // ServerDHParams {dh_p = 23, dh_g = 5, dh_Ys = 8} + a signature
                case SERVER_KEY_EXCHANGE -> KeyDerivation.concat(new byte[] {0, 1, 23, 0, 1, 5, 0, 1, 8},
                        signature(v));
                case CERTIFICATE_VERIFY -> signature(v);
                default -> new byte[0];
            };
            byte[] m = new byte[4 + body.length];
            m[0] = (byte) handshakeType;
            m[2] = (byte) (body.length >>> 8);
            m[3] = (byte) body.length;
            System.arraycopy(body, 0, m, 4, body.length);
            return new Conversation.Injection(ContentType.HANDSHAKE, m);
        }

        /** digitally-signed: TLS 1.2 with SignatureAndHashAlgorithm {sha256, dsa}, before it just the vector. */
        private static byte[] signature(ProtocolVersion v) {
            byte[] vector = new byte[2 + 46];
            vector[1] = 46;
            return v == ProtocolVersion.TLS_1_2 ? KeyDerivation.concat(new byte[] {4, 2}, vector) : vector;
        }
    }

    /** What each side receives, in order, in each handshake. */
    static final Map<Side, Map<Handshake, List<Kind>>> EXPECTED = Map.of(
            Side.SERVER, Map.of(
                    Handshake.FULL, List.of(Kind.CLIENT_HELLO, Kind.CLIENT_KEY_EXCHANGE, Kind.CHANGE_CIPHER_SPEC,
                            Kind.FINISHED),
                    Handshake.ABBREVIATED, List.of(Kind.CLIENT_HELLO, Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED),
                    Handshake.FULL_DHE_CLIENT_AUTH, List.of(Kind.CLIENT_HELLO, Kind.CERTIFICATE,
                            Kind.CLIENT_KEY_EXCHANGE, Kind.CERTIFICATE_VERIFY, Kind.CHANGE_CIPHER_SPEC,
                            Kind.FINISHED)),
            Side.CLIENT, Map.of(
                    Handshake.FULL, List.of(Kind.SERVER_HELLO, Kind.CERTIFICATE, Kind.SERVER_HELLO_DONE,
                            Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED),
                    Handshake.ABBREVIATED, List.of(Kind.SERVER_HELLO, Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED),
                    Handshake.FULL_DHE_CLIENT_AUTH, List.of(Kind.SERVER_HELLO, Kind.CERTIFICATE,
                            Kind.SERVER_KEY_EXCHANGE, Kind.CERTIFICATE_REQUEST, Kind.SERVER_HELLO_DONE,
                            Kind.CHANGE_CIPHER_SPEC, Kind.FINISHED)));

    /**
     * RSA suites of FULL and ABBREVIATED, one per record protection: stream (SSL 3.0), CBC with implicit IV
     * (TLS 1.0), CBC with explicit IV (TLS 1.1), SHA-256 MAC and PRF (TLS 1.2).
     */
    static final Map<ProtocolVersion, String> SUITE = Map.of(
            ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5",
            ProtocolVersion.TLS_1_0, "TLS_RSA_WITH_AES_128_CBC_SHA",
            ProtocolVersion.TLS_1_1, "TLS_RSA_WITH_AES_128_CBC_SHA",
            ProtocolVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_CBC_SHA256");

    /** DHE_DSS suites of FULL_DHE_CLIENT_AUTH (the server signs its DH parameters with the fixture DSA key). */
    static final Map<ProtocolVersion, String> DHE_SUITE = Map.of(
            ProtocolVersion.SSL_3_0, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
            ProtocolVersion.TLS_1_0, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
            ProtocolVersion.TLS_1_1, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
            ProtocolVersion.TLS_1_2, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256");

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (ProtocolVersion v : VERSIONS) {
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
     * Allowed at a position, so not a row: the expected message; at the client, a CertificateRequest where
     * ServerHelloDone is due unless one came already (it is optional, RFC 5246 §7.4.4 / RFC 6101 §5.6.4, and the
     * client then waits for ServerHelloDone), and a ServerHelloDone where the CertificateRequest is due (the client
     * cannot know the server meant to ask); HelloRequest anywhere at the client (RFC 5246 §7.4.1.1: ignored during
     * a handshake; not injected once protected, where an ignored record would shift the sequence numbers). Nothing
     * else is optional: ServerKeyExchange is required for DHE and forbidden for RSA with a key over 512 bits
     * (RFC 5246 §7.4.3); a server that asked for a certificate gets a Certificate (possibly empty; SSL 3.0: or the
     * no_certificate warning, an alert, so not in the catalog) before ClientKeyExchange (§7.4.6), and a
     * CertificateVerify right after ClientKeyExchange when that certificate can sign (§7.4.8, RFC 6101 §5.6.8).
     */
    static boolean allowed(Side side, Handshake h, int at, Kind k) {
        List<Kind> expected = EXPECTED.get(side).get(h);
        Kind due = expected.get(at);
        if (due == k) {
            return true;
        }
        if (side != Side.CLIENT) {
            return false;
        }
        if (k == Kind.CERTIFICATE_REQUEST && due == Kind.SERVER_HELLO_DONE) {
            return !expected.subList(0, at).contains(Kind.CERTIFICATE_REQUEST);
        }
        if (k == Kind.SERVER_HELLO_DONE && due == Kind.CERTIFICATE_REQUEST) {
            return true;
        }
        return k == Kind.HELLO_REQUEST;
    }

    /**
     * unexpected_message, with one exception: an SSL 3.0 server that asked for a certificate and gets
     * ClientKeyExchange instead. RFC 6101 makes the client's no_certificate warning a "should" (§5.6.6) and has
     * ClientKeyExchange follow ServerHelloDone when no Certificate is sent (§5.6.7), so that message order is legal
     * and means "no certificate"; this server needs one, so handshake_failure (as for the no_certificate warning).
     */
    static AlertDescription expectedAlert(Side side, ProtocolVersion v, Kind due, Kind injected) {
        boolean ssl3CertificateSkipped = side == Side.SERVER && v.isSsl3() && due == Kind.CERTIFICATE
                && injected == Kind.CLIENT_KEY_EXCHANGE;
        return ssl3CertificateSkipped ? AlertDescription.HANDSHAKE_FAILURE : AlertDescription.UNEXPECTED_MESSAGE;
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
        RecordingRandom serverRandom = new RecordingRandom(12);
        Conversation c = new Conversation(client(v, clientCache, h), server(v, serverCache, h, serverRandom),
                side == Side.SERVER, resumedMaster);
        c.tap.serverDraws(serverRandom);
        SslAlertException failure = c.run(at, injected.content(v));
        AlertDescription alert = expectedAlert(side, v, due, injected);

        assertNotNull(failure, injected + " was accepted where " + due + " was due");
        assertEquals(alert, failure.alert(), failure::getMessage);
        // else a genuine message failed: the injected one was taken, or the conversation broke before the point
        assertTrue(c.failedOnInjection(), () -> "not refused on arrival: " + failure.getMessage());
        assertFalse(failure.isReceived(), "the victim must detect the error itself");
        assertArrayEquals(Conversation.fatal(alert), c.lastAlertSent(), "fatal " + alert + " on the wire");
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

    /**
     * Client authentication required and a client without a certificate, which says so as its version says to:
     * TLS with an empty Certificate, which RFC 5246 §7.4.6 lets the server answer with a fatal handshake_failure;
     * SSL 3.0 with the no_certificate warning (RFC 6101 §5.6.6), answered the same way (§5.4.2: handshake_failure
     * when no acceptable set of security parameters exists). Not unexpected_message: nothing is out of order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void requiredClientCertificateDeclinedIsHandshakeFailure(ProtocolVersion v) throws Exception {
        SessionCache serverCache = new SessionCache();
        Conversation c = new Conversation(clientWithoutCertificate(v), server(v, serverCache,
                Handshake.FULL_DHE_CLIENT_AUTH, new RecordingRandom(12)), true, null);
        assertFailedWith(AlertDescription.HANDSHAKE_FAILURE, c.run(Integer.MAX_VALUE, null), c, serverCache);
    }

    /**
     * Client authentication required and the client's answer to CertificateRequest (TLS: the empty Certificate,
     * SSL 3.0: the no_certificate warning) removed on the way, so the server gets the client's genuine
     * ClientKeyExchange right after its ServerHelloDone. TLS: the Certificate is mandatory once requested (RFC 5246
     * §7.4.6), so this is a message out of order, unexpected_message. SSL 3.0: a legal order meaning "no
     * certificate" (see {@link #expectedAlert}), so handshake_failure.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void clientKeyExchangeWithoutCertificateOrNoCertificate(ProtocolVersion v) throws Exception {
        SessionCache serverCache = new SessionCache();
        Conversation c = new Conversation(clientWithoutCertificate(v), server(v, serverCache,
                Handshake.FULL_DHE_CLIENT_AUTH, new RecordingRandom(12)), true, null)
                .withhold(StrictStateMachineTest::declinesCertificate);
        assertFailedWith(v.isSsl3() ? AlertDescription.HANDSHAKE_FAILURE : AlertDescription.UNEXPECTED_MESSAGE,
                c.run(Integer.MAX_VALUE, null), c, serverCache);
    }

    /**
     * The same SSL 3.0 client, silent about its missing certificate, and a server that only wants one
     * (ClientAuth.WANT): the handshake completes without client authentication, as with the no_certificate warning.
     */
    @Test
    void ssl3ClientKeyExchangeWithoutNoCertificateMeansNoCertificate() throws Exception {
        ProtocolVersion v = ProtocolVersion.SSL_3_0;
        SslEngine server = Engines.serverEngine(Engines.server(12, v).cipherSuites(DHE_SUITE.get(v))
                .sessionCache(new SessionCache()).clientAuth(ClientAuth.WANT).build());
        Conversation c = new Conversation(clientWithoutCertificate(v), server, true, null)
                .withhold(StrictStateMachineTest::declinesCertificate);
        assertNull(c.run(Integer.MAX_VALUE, null));
        assertTrue(c.client.isHandshakeComplete() && c.server.isHandshakeComplete());
        assertTrue(c.server.session().peerCertificates().isEmpty());
    }

    /** The client's no_certificate warning (SSL 3.0) or empty Certificate (TLS). */
    private static boolean declinesCertificate(Wiretap.Rec r) {
        return r.type() == Wiretap.ALERT && r.fragment()[1] == AlertDescription.NO_CERTIFICATE.code()
                || r.type() == Wiretap.HANDSHAKE && r.fragment()[0] == Kind.CERTIFICATE.handshakeType;
    }

    static Stream<ProtocolVersion> versions() {
        return VERSIONS.stream();
    }

    private static SslEngine clientWithoutCertificate(ProtocolVersion v) {
        return Engines.clientEngine(Engines.client(11, v).cipherSuites(DHE_SUITE.get(v))
                .sessionCache(new SessionCache()).build());
    }

    /** The server detected the error itself, sent it as a fatal alert, did not complete and kept no session. */
    private static void assertFailedWith(AlertDescription expected, SslAlertException failure, Conversation c,
                                         SessionCache serverCache) throws Exception {
        assertNotNull(failure, "the server completed without a client certificate");
        assertEquals(expected, failure.alert(), failure::getMessage);
        assertFalse(failure.isReceived(), "the server must detect the error itself");
        assertArrayEquals(Conversation.fatal(expected), c.lastAlertSent());
        assertFalse(c.server.isHandshakeComplete());
        assertNull(c.server.session());
        assertEquals(0, serverCache.size());
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
        for (ProtocolVersion v : VERSIONS) {
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
        for (ProtocolVersion v : VERSIONS) {
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
        return client(v, cache, Handshake.FULL);
    }

    static SslEngine server(ProtocolVersion v, SessionCache cache) {
        return Engines.serverEngine(Engines.server(12, v).cipherSuites(SUITE.get(v)).sessionCache(cache).build());
    }

    /** The client of a shape: for FULL_DHE_CLIENT_AUTH with the fixture RSA certificate, which the server trusts. */
    static SslEngine client(ProtocolVersion v, SessionCache cache, Handshake h) {
        SslConfig.Builder b = Engines.client(11, v).sessionCache(cache);
        if (h == Handshake.FULL_DHE_CLIENT_AUTH) {
            b.cipherSuites(DHE_SUITE.get(v)).credential(Pki.RSA.key(), Pki.RSA.certificate());
        } else {
            b.cipherSuites(SUITE.get(v));
        }
        return Engines.clientEngine(b.build());
    }

    /** The server of a shape, drawing from {@code random} (use seed 12, as the other server helper does). */
    static SslEngine server(ProtocolVersion v, SessionCache cache, Handshake h, RecordingRandom random) {
        SslConfig.Builder b = Engines.server(12, v).sessionCache(cache).random(random);
        if (h == Handshake.FULL_DHE_CLIENT_AUTH) {
            b.cipherSuites(DHE_SUITE.get(v)).clientAuth(ClientAuth.NEED);
        } else {
            b.cipherSuites(SUITE.get(v));
        }
        return Engines.serverEngine(b.build());
    }
}
