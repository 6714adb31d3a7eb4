package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a session may be resumed: after a clean close yes; after a truncation or a fatal alert no. */
class SessionLifecycleTest {
    final TestPki pki = TestPki.get();
    final SslConfig client = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
            .protocols(ProtocolVersion.SSL_3_0).trustAnchors(List.of(pki.ca.certificate())).build();
    final SslConfig server = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
            .protocols(ProtocolVersion.SSL_3_0).credential(pki.server.key(), pki.server.chain()).build();

    @Test
    void cleanCloseKeepsTheSessionResumable() {
        EnginePair first = new EnginePair(client, server);
        assertTrue(first.handshake());
        first.client.closeOutbound();
        first.pump(first.client, first.toServer, first.toClient, first.clientApp, true);
        first.pump(first.server, first.toClient, first.toServer, first.serverApp, false);
        first.pump(first.server, first.toClient, first.toServer, first.serverApp, false);
        first.pump(first.client, first.toServer, first.toClient, first.clientApp, true);
        assertTrue(first.server.closeNotifyReceived());
        assertTrue(first.client.closeNotifyReceived(), "the server answers close_notify with its own");
        assertTrue(first.client.isOutboundDone());
        assertTrue(first.client.isInboundDone());
        first.client.closeInbound();

        EnginePair second = new EnginePair(client, server);
        assertTrue(second.handshake());
        assertTrue(second.client.session().resumed());
    }

    /**
     * Once our close_notify is queued nothing follows it (RFC 5246 §7.2.1; SunJSSE drops it too): a server closed
     * while the client's hello is on its way does not answer it, a later failure puts no alert behind the
     * close_notify, and the outbound side stays done (found by JsseEngineFuzzTest through the JSSE engine).
     */
    @Test
    void nothingFollowsOurCloseNotify() {
        SslEngine c = SslEngine.client(client, "localhost", 443);
        SslEngine s = SslEngine.server(server);
        byte[] hello = Wire.drain(c);
        assertNull(Wire.feed(s, new byte[0]));
        s.closeOutbound();
        byte[] closeNotify = Wire.drain(s);
        assertEquals(7, closeNotify.length, "one plaintext alert record");
        assertArrayEquals(new byte[] {Wire.ALERT, 0, 2, 1, 0}, new byte[] {closeNotify[0], closeNotify[3],
            closeNotify[4], closeNotify[5], closeNotify[6]}, "close_notify");
        assertTrue(s.isOutboundDone());
        assertNull(Wire.feed(s, hello));
        assertEquals(0, Wire.drain(s).length, "no ServerHello behind the close_notify");
        assertTrue(s.isOutboundDone());
        assertNotNull(Wire.feed(s, Wire.record(Wire.APPLICATION_DATA, 0x0300, new byte[40])));
        assertEquals(0, Wire.drain(s).length, "no alert behind the close_notify");
        assertTrue(s.isOutboundDone());
    }

    @Test
    void truncatedConnectionIsNotResumed() {
        EnginePair first = new EnginePair(client, server);
        assertTrue(first.handshake());
        // the transport ends without close_notify: an attacker may have cut it
        first.client.closeInbound();
        assertFalse(first.client.closeNotifyReceived());

        EnginePair second = new EnginePair(client, server);
        assertTrue(second.handshake());
        assertFalse(second.client.session().resumed());
    }

    @Test
    void fatalAlertInvalidatesTheSession() throws Exception {
        EnginePair first = new EnginePair(client, server);
        assertTrue(first.handshake());
        byte[] id = first.server.session().id();
        // garbage where an application data record should be: bad_record_mac on the server
        byte[] junk = Wire.record(Wire.APPLICATION_DATA, 0x0300, new byte[40]);
        assertEquals(io.sslkit.api.AlertDescription.BAD_RECORD_MAC, Wire.feed(first.server, junk).alert());

        EnginePair second = new EnginePair(client, server);
        assertTrue(second.handshake());
        assertFalse(second.server.session().resumed());
        assertFalse(java.util.Arrays.equals(id, second.server.session().id()));
    }

    /** A resumption that fails forgets the offered session on the client too (RFC 5246 §7.2.2). */
    @Test
    void failedResumptionForgetsTheSession() throws Exception {
        assertTrue(new EnginePair(client, server).handshake());
        SslEngine c = SslEngine.client(client, "localhost", 443);
        SslEngine s = SslEngine.server(server);
        c.beginHandshake();
        assertEquals(null, Wire.feed(s, Wire.drain(c)));
        byte[] flight = Wire.drain(s);
        // ServerHello, ChangeCipherSpec, then the encrypted Finished: spoil its last byte
        flight[flight.length - 1] ^= 1;
        assertEquals(io.sslkit.api.AlertDescription.BAD_RECORD_MAC, Wire.feed(c, flight).alert());
        EnginePair third = new EnginePair(client, server);
        assertTrue(third.handshake());
        assertFalse(third.client.session().resumed());
    }

    @Test
    void serverWithoutCacheSendsAnEmptySessionId() {
        SslConfig noCache = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .credential(pki.server.key(), pki.server.chain())
                .sessionCache(new SessionCache(0, Duration.ofMinutes(1)))
                .build();
        EnginePair p = new EnginePair(client, noCache);
        assertTrue(p.handshake());
        assertArrayEquals(new byte[0], p.client.session().id());
        EnginePair again = new EnginePair(client, noCache);
        assertTrue(again.handshake());
        assertFalse(again.client.session().resumed());
    }

    @Test
    void applicationBufferTooSmallKeepsThePlaintextForTheNextCall() throws Exception {
        // a stream cipher, so that no 1/n-1 record split gets in the way of counting
        SslConfig rc4 = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.SSL_3_0).cipherSuites("RC4-SHA").trustAnchors(List.of(pki.ca.certificate()))
                .build();
        EnginePair p = new EnginePair(rc4, server);
        assertTrue(p.handshake());
        ByteBuffer wire = ByteBuffer.allocate(p.client.packetBufferSize());
        p.client.wrap(ByteBuffer.wrap("0123456789".getBytes()), wire);
        wire.flip();
        ByteBuffer small = ByteBuffer.allocate(4);
        assertEquals(4, p.server.unwrap(wire, small).bytesProduced());
        small.clear();
        assertEquals(4, p.server.unwrap(wire, small).bytesProduced());
        small.clear();
        assertEquals(2, p.server.unwrap(wire, small).bytesProduced());
        assertEquals("89", new String(small.array(), 0, 2));
    }

    /** RFC 7627: TLS sessions use the extended master secret, and a resumption without it is refused. */
    @Test
    void extendedMasterSecretIsNegotiatedAndGuardsResumption() throws Exception {
        SslConfig tlsClient = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).cipherSuites("TLS_RSA_WITH_AES_128_CBC_SHA256")
                .trustAnchors(List.of(pki.ca.certificate())).build();
        SslConfig tlsServer = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).credential(pki.server.key(), pki.server.chain()).build();
        java.util.List<String> steps = new java.util.ArrayList<>();
        SslConfig watched = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).trustAnchors(List.of(pki.ca.certificate()))
                .sessionCache(tlsClient.sessionCache()).listener(LoopbackHandshakeTest.recorder(steps)).build();
        EnginePair first = new EnginePair(watched, tlsServer);
        assertTrue(first.handshake());
        assertTrue(steps.stream().anyMatch(e -> e.contains("extended master secret")), steps::toString);
        EnginePair second = new EnginePair(watched, tlsServer);
        assertTrue(second.handshake());
        assertTrue(second.server.session().resumed());

        // the same session asked for without the extension: the server must refuse (RFC 7627 §5.3)
        byte[] hello = Wire.clientHello(0x0303, first.server.session().id(), new int[] {0x003C}, null);
        SslEngine s = SslEngine.server(tlsServer);
        io.sslkit.api.SslAlertException e = Wire.feed(s,
                Wire.record(Wire.HANDSHAKE, 0x0303, Wire.handshake(1, hello)));
        assertEquals(io.sslkit.api.AlertDescription.HANDSHAKE_FAILURE, e.alert());
    }
}
