package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed, truncated, oversize and out-of-order input ends in the alert the RFCs name, never in a hang. */
class HostileInputTest {
    static final int SSL3 = 0x0300;
    static final int TLS10 = 0x0301;
    static final int RC4_MD5 = 0x0004;
    final TestPki pki = TestPki.get();

    SslEngine server(ProtocolVersion... versions) {
        return SslEngine.server(SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(versions).credential(pki.server.key(), pki.server.chain())
                .maxHandshakeMessageSize(4096).build());
    }

    SslEngine client(ProtocolVersion... versions) throws SslAlertException {
        SslEngine c = SslEngine.client(SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(versions).trustAnchors(List.of(pki.ca.certificate())).build(), "localhost", 1);
        c.beginHandshake();
        Wire.drain(c);
        return c;
    }

    static byte[] hsRecord(int version, byte[]... messages) {
        return Wire.record(Wire.HANDSHAKE, version, Wire.concat(messages));
    }

    /** The last alert record the engine sent: {level, description}. */
    static int[] sentAlert(SslEngine e) {
        byte[] out = Wire.drain(e);
        assertTrue(out.length >= 7, "no alert record sent");
        assertEquals(Wire.ALERT, out[out.length - 7]);
        return new int[] {out[out.length - 2], out[out.length - 1]};
    }

    static void assertFatal(AlertDescription expected, SslEngine e, SslAlertException thrown) {
        assertNotNull(thrown, "input was accepted");
        assertEquals(expected, thrown.alert(), thrown::getMessage);
        assertArrayEquals(new int[] {2, expected.code()}, sentAlert(e));
    }

    @Test
    void serverRefusesAServerHelloInsteadOfClientHello() {
        SslEngine s = server(ProtocolVersion.SSL_3_0);
        SslAlertException e = Wire.feed(s, hsRecord(SSL3, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5))));
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s, e);
    }

    @Test
    void sessionIdLongerThan32IsADecodeError() {
        byte[] hello = Wire.clientHello(TLS10, new int[] {RC4_MD5}, null);
        hello[34] = 33;
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.DECODE_ERROR, s, Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, hello))));
    }

    @Test
    void truncatedClientHelloBodyIsADecodeError() {
        byte[] hello = Wire.clientHello(TLS10, new int[] {RC4_MD5}, null);
        byte[] cut = Arrays.copyOf(hello, hello.length - 3);
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.DECODE_ERROR, s, Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, cut))));
    }

    @Test
    void oddCipherSuitesLengthIsADecodeError() {
        byte[] hello = Wire.clientHello(TLS10, new int[] {RC4_MD5, 5}, null);
        // cipher_suites length 4 -> 3, the spare byte then runs into compression_methods
        hello[35] = 0;
        hello[36] = 3;
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.DECODE_ERROR, s, Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, hello))));
    }

    @Test
    void oversizeHandshakeMessageIsRefusedFromItsHeader() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        // only the header has arrived: the declared 1 MiB is refused before any of it is buffered
        byte[] header = Wire.handshake(1, 1 << 20, new byte[0]);
        assertFatal(AlertDescription.ILLEGAL_PARAMETER, s, Wire.feed(s, hsRecord(TLS10, header)));
    }

    @Test
    void unknownHandshakeTypeIsUnexpected() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s,
                Wire.feed(s, hsRecord(TLS10, Wire.handshake(99, new byte[4]))));
    }

    @Test
    void changeCipherSpecInsideAFragmentedMessageIsUnexpected() {
        byte[] hello = Wire.handshake(1, Wire.clientHello(TLS10, new int[] {RC4_MD5}, null));
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        byte[] first = Wire.record(Wire.HANDSHAKE, TLS10, Arrays.copyOf(hello, 20));
        byte[] ccs = Wire.record(Wire.CHANGE_CIPHER_SPEC, TLS10, new byte[] {1});
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s, Wire.feed(s, Wire.concat(first, ccs)));
    }

    @Test
    void earlyChangeCipherSpecIsUnexpected() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        byte[] hello = Wire.handshake(1, Wire.clientHello(TLS10, new int[] {RC4_MD5}, null));
        byte[] ccs = Wire.record(Wire.CHANGE_CIPHER_SPEC, TLS10, new byte[] {1});
        SslAlertException e = Wire.feed(s, Wire.concat(hsRecord(TLS10, hello), ccs));
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s, e);
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpected() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s,
                Wire.feed(s, Wire.record(Wire.APPLICATION_DATA, TLS10, new byte[] {'x'})));
    }

    /** A ClientHello may arrive split over many records and share a record with nothing else. */
    @Test
    void clientHelloSpanningRecordsIsAccepted() {
        byte[] hello = Wire.handshake(1, Wire.clientHello(SSL3, new int[] {RC4_MD5}, null));
        SslEngine s = server(ProtocolVersion.SSL_3_0);
        byte[] wire = new byte[0];
        for (int i = 0; i < hello.length; i += 7) {
            wire = Wire.concat(wire, Wire.record(Wire.HANDSHAKE, SSL3,
                    Arrays.copyOfRange(hello, i, Math.min(hello.length, i + 7))));
        }
        assertNull(Wire.feed(s, wire));
        assertEquals(SslEngine.HandshakeStatus.NEED_WRAP, s.handshakeStatus());
    }

    /** SunJSSE's SSL 3.0 hello carries extensions after the compression methods. */
    @Test
    void ssl3ClientHelloWithExtensionsIsAccepted() {
        byte[] ext = Wire.hex("0010" + "ff01 0001 00" + "0017 0000" + "002b 0003 020300");
        SslEngine s = server(ProtocolVersion.SSL_3_0);
        assertNull(Wire.feed(s, hsRecord(SSL3, Wire.handshake(1, Wire.clientHello(SSL3, new int[] {RC4_MD5}, ext)))));
        assertEquals(SslEngine.HandshakeStatus.NEED_WRAP, s.handshakeStatus());
    }

    @Test
    void duplicateExtensionIsIllegal() {
        byte[] ext = Wire.hex("0008" + "0017 0000" + "0017 0000");
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.ILLEGAL_PARAMETER, s,
                Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, Wire.clientHello(TLS10, new int[] {RC4_MD5}, ext)))));
    }

    @Test
    void extensionOverrunningItsBlockIsADecodeError() {
        byte[] ext = Wire.hex("0004" + "0017 0005");
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertFatal(AlertDescription.DECODE_ERROR, s,
                Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, Wire.clientHello(TLS10, new int[] {RC4_MD5}, ext)))));
    }

    @Test
    void noCommonVersionIsProtocolVersion() {
        SslEngine s = server(ProtocolVersion.TLS_1_2);
        assertFatal(AlertDescription.PROTOCOL_VERSION, s,
                Wire.feed(s, hsRecord(SSL3, Wire.handshake(1, Wire.clientHello(SSL3, new int[] {RC4_MD5}, null)))));
    }

    /** RFC 7507: a client that falls back below what we support is being downgraded. */
    @Test
    void fallbackScsvBelowOurBestIsInappropriateFallback() {
        SslEngine s = server(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2);
        byte[] hello = Wire.clientHello(TLS10, new int[] {RC4_MD5, 0x5600}, null);
        assertFatal(AlertDescription.INAPPROPRIATE_FALLBACK, s,
                Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, hello))));
    }

    @Test
    void fallbackScsvAtOurBestIsAccepted() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        byte[] hello = Wire.clientHello(TLS10, new int[] {RC4_MD5, 0x5600}, null);
        assertNull(Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, hello))));
    }

    @Test
    void warningsInARowAreBoundedByTheConfiguration() {
        SslEngine s = SslEngine.server(SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .credential(pki.server.key(), pki.server.chain()).maxConsecutiveWarnings(2).build());
        byte[] warning = Wire.record(Wire.ALERT, TLS10, new byte[] {1, (byte) AlertDescription.USER_CANCELED.code()});
        assertNull(Wire.feed(s, Wire.concat(warning, warning)));
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, s, Wire.feed(s, warning));
    }

    @Test
    void recordLimitsReachTheRecordLayer() throws Exception {
        SslConfig server = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .credential(pki.server.key(), pki.server.chain())
                .recordLimits(io.sslkit.record.RecordLimits.DEFAULT.withMaxPlaintext(100)).build();
        SslConfig client = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .cipherSuites("SSL_RSA_WITH_NULL_MD5").trustAnchors(List.of(pki.ca.certificate())).build();
        EnginePair p = new EnginePair(client, server);
        assertTrue(p.handshake());
        ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        SslEngine.Result r = p.server.wrap(ByteBuffer.wrap(new byte[1000]), wire);
        assertEquals(1000, r.bytesConsumed());
        // ten records of 100 plaintext bytes + a 16-byte MD5 MAC, each behind a 5-byte header
        assertEquals(10 * (5 + 100 + 16), r.bytesProduced());
    }

    @Test
    void clientRefusesAnExtensionItDidNotOffer() throws Exception {
        SslEngine c = client(ProtocolVersion.TLS_1_0);
        // session_ticket (35), never offered
        byte[] hello = Wire.concat(Wire.serverHello(TLS10, RC4_MD5), Wire.hex("0004 0023 0000"));
        assertFatal(AlertDescription.UNSUPPORTED_EXTENSION, c,
                Wire.feed(c, hsRecord(TLS10, Wire.handshake(2, hello))));
    }

    @Test
    void clientRefusesASkippedCertificate() throws Exception {
        SslEngine c = client(ProtocolVersion.SSL_3_0);
        byte[] flight = hsRecord(SSL3, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5)),
                Wire.handshake(14, new byte[0]));
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, c, Wire.feed(c, flight));
    }

    @Test
    void clientRefusesAnEarlyChangeCipherSpec() throws Exception {
        SslEngine c = client(ProtocolVersion.SSL_3_0);
        byte[] flight = Wire.concat(hsRecord(SSL3, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5))),
                Wire.record(Wire.CHANGE_CIPHER_SPEC, SSL3, new byte[] {1}));
        assertFatal(AlertDescription.UNEXPECTED_MESSAGE, c, Wire.feed(c, flight));
    }

    @Test
    void clientRefusesASuiteItDidNotOffer() throws Exception {
        SslEngine c = SslEngine.client(SslConfig.client().policy(Policy.LEGACY)
                .registry(LoopbackHandshakeTest.REGISTRY).protocols(ProtocolVersion.SSL_3_0)
                .cipherSuites("SSL_RSA_WITH_RC4_128_SHA").trustAnchors(List.of(pki.ca.certificate())).build(), null, 0);
        c.beginHandshake();
        Wire.drain(c);
        assertFatal(AlertDescription.ILLEGAL_PARAMETER, c,
                Wire.feed(c, hsRecord(SSL3, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5)))));
    }

    @Test
    void clientRefusesAVersionItDidNotOffer() throws Exception {
        SslEngine c = client(ProtocolVersion.TLS_1_0);
        SslAlertException e = Wire.feed(c, hsRecord(TLS10, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5))));
        assertNotNull(e);
        assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
    }

    /** SSL 3.0 has no decode_error: the wire carries illegal_parameter instead. */
    @Test
    void ssl3DecodeErrorGoesOutAsIllegalParameter() throws Exception {
        SslEngine c = client(ProtocolVersion.SSL_3_0);
        byte[] flight = hsRecord(SSL3, Wire.handshake(2, Wire.serverHello(SSL3, RC4_MD5)),
                Wire.handshake(11, Wire.hex("000005 000009 0102")));
        SslAlertException e = Wire.feed(c, flight);
        assertNotNull(e);
        assertEquals(AlertDescription.DECODE_ERROR, e.alert());
        assertArrayEquals(new int[] {2, AlertDescription.ILLEGAL_PARAMETER.code()}, sentAlert(c));
    }

    @Test
    void garbageCertificateIsBadCertificate() throws Exception {
        SslEngine c = client(ProtocolVersion.TLS_1_0);
        byte[] flight = hsRecord(TLS10, Wire.handshake(2, Wire.serverHello(TLS10, RC4_MD5)),
                Wire.handshake(11, Wire.hex("000007 000004 30020500")));
        assertFatal(AlertDescription.BAD_CERTIFICATE, c, Wire.feed(c, flight));
    }

    /**
     * Bleichenbacher: a tampered encrypted pre_master_secret draws no alert of its own; the server carries on with a
     * random secret and the connection fails only when the client's Finished cannot be read.
     */
    @Test
    void tamperedClientKeyExchangeFailsOnlyAtFinished() throws Exception {
        SslEngine s = server(ProtocolVersion.SSL_3_0);
        SslEngine c = SslEngine.client(SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.SSL_3_0).cipherSuites("SSL_RSA_WITH_RC4_128_MD5")
                .trustAnchors(List.of(pki.ca.certificate())).build(), null, 0);
        c.beginHandshake();
        assertNull(Wire.feed(s, Wire.drain(c)));
        assertNull(Wire.feed(c, Wire.drain(s)));
        byte[] flight = Wire.drain(c);
        // first record: the ClientKeyExchange, an SSL 3.0 bare RSA block after the 5 + 4 header bytes
        assertEquals(Wire.HANDSHAKE, flight[0]);
        assertEquals(16, flight[5]);
        flight[5 + 4 + 100] ^= 0x01;
        SslAlertException e = Wire.feed(s, flight);
        assertNotNull(e);
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert(), e::getMessage);
    }

    @Test
    void afterAFailureTheEngineStaysClosed() {
        SslEngine s = server(ProtocolVersion.TLS_1_0);
        assertNotNull(Wire.feed(s, Wire.record(Wire.APPLICATION_DATA, TLS10, new byte[] {'x'})));
        Wire.drain(s);
        assertTrue(s.isOutboundDone());
        assertTrue(s.isInboundDone());
        SslAlertException again = Wire.feed(s, hsRecord(TLS10, Wire.handshake(1, new byte[0])));
        assertNotNull(again);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, again.alert());
        assertEquals(0, ByteBuffer.wrap(Wire.drain(s)).remaining());
    }
}
