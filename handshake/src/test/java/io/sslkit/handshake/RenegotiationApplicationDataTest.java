package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Application data around a renegotiation: ours waits while one runs (OpenSSL ends the connection on data between a
 * renegotiation's ClientHello and Finished), the peer's is accepted throughout.
 */
class RenegotiationApplicationDataTest {
    final RenegotiationTest base = new RenegotiationTest();

    /** Wraps {@code data} into {@code wire}; returns how many bytes of it the engine consumed. */
    static int wrapData(SslEngine e, byte[] data, ByteBuffer wire) throws SslAlertException {
        ByteBuffer src = ByteBuffer.wrap(data);
        wire.compact();
        try {
            // the first calls may drain queued handshake records without consuming application data
            for (int i = 0; i < 10 && src.hasRemaining(); i++) {
                SslEngine.Result r = e.wrap(src, wire);
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            }
        } finally {
            wire.flip();
        }
        return src.position();
    }

    static byte[] received(ByteBuffer app) {
        app.flip();
        byte[] out = new byte[app.remaining()];
        app.get(out);
        app.clear();
        return out;
    }

    @Test
    void clientHoldsItsDataDuringItsRenegotiationAndTakesTheServersMeanwhile() throws Exception {
        EnginePair p = new EnginePair(base.client(ProtocolVersion.TLS_1_2).build(),
                base.server(ProtocolVersion.TLS_1_2).build());
        assertTrue(p.handshake());
        p.clientApp.clear();
        p.client.beginHandshake();
        byte[] x = "client data".getBytes();
        assertEquals(0, wrapData(p.client, x, p.toServer), "application data went out after our ClientHello");
        // the server sends data before it has read our ClientHello: it arrives while we renegotiate
        byte[] y = "server data".getBytes();
        assertEquals(y.length, wrapData(p.server, y, p.toClient));
        p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
        assertTrue(p.client.handshakeStatus() != SslEngine.HandshakeStatus.NOT_HANDSHAKING);
        assertArrayEquals(y, received(p.clientApp), "data from the peer during our renegotiation is delivered");
        assertEquals(0, wrapData(p.client, x, p.toServer), "held until the handshake completes");
        RenegotiationTest.settle(p);
        assertEquals(SslEngine.HandshakeStatus.NOT_HANDSHAKING, p.client.handshakeStatus());
        p.serverApp.clear();
        assertEquals(x.length, wrapData(p.client, x, p.toServer));
        RenegotiationTest.settle(p);
        assertArrayEquals(x, received(p.serverApp));
    }

    @Test
    void serverHoldsItsDataOnceTheClientAnswersItsHelloRequest() throws Exception {
        EnginePair p = new EnginePair(base.client(ProtocolVersion.TLS_1_2).build(),
                base.server(ProtocolVersion.TLS_1_2).build());
        assertTrue(p.handshake());
        p.clientApp.clear();
        p.server.beginHandshake();
        byte[] early = "before the ClientHello".getBytes();
        // a HelloRequest starts nothing yet: until the ClientHello the server is not handshaking
        assertEquals(early.length, wrapData(p.server, early, p.toClient));
        p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
        assertArrayEquals(early, received(p.clientApp));
        // the client's next wrap sends its ClientHello, which the server then reads
        p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
        p.pump(p.server, p.toClient, p.toServer, p.serverApp, false);
        assertTrue(p.server.handshakeStatus() != SslEngine.HandshakeStatus.NOT_HANDSHAKING);
        byte[] late = "after the ClientHello".getBytes();
        assertEquals(0, wrapData(p.server, late, p.toClient));
        RenegotiationTest.settle(p);
        assertEquals(SslEngine.HandshakeStatus.NOT_HANDSHAKING, p.server.handshakeStatus());
        assertEquals(late.length, wrapData(p.server, late, p.toClient));
        RenegotiationTest.settle(p);
        assertArrayEquals(late, received(p.clientApp));
    }

    /** The server answering its peer's ClientHello holds its data too: OpenSSL clients refuse it after ServerHello. */
    @Test
    void aRenegotiationThePeerStartedHoldsOurDataAndStillTakesTheirs() throws Exception {
        EnginePair p = new EnginePair(base.client(ProtocolVersion.TLS_1_2).build(),
                base.server(ProtocolVersion.TLS_1_2).build());
        assertTrue(p.handshake());
        p.client.beginHandshake();
        p.pump(p.client, p.toServer, p.toClient, p.clientApp, true);
        p.pump(p.server, p.toClient, p.toServer, p.serverApp, false);
        byte[] y = new byte[100];
        Arrays.fill(y, (byte) 7);
        assertEquals(0, wrapData(p.server, y, p.toClient));
        RenegotiationTest.settle(p);
        p.clientApp.clear();
        assertEquals(y.length, wrapData(p.server, y, p.toClient));
        RenegotiationTest.settle(p);
        assertArrayEquals(y, received(p.clientApp));
    }
}
