package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sslkit.jsse.internal.EngineInternals;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine holds a plaintext or staging buffer only while it holds bytes the caller has not taken: an idle engine
 * costs no record-sized buffer, and what does not fit the caller's buffers is kept whole until it does.
 */
class EngineBuffersTest {
    private static final TestPki PKI = TestPki.get();
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private static SSLEngine client(String protocol) throws Exception {
        SSLEngine e = PKI.sslkit(protocol, null).createSSLEngine("localhost", 443);
        e.setUseClientMode(true);
        return e;
    }

    private static SSLEngine server(String protocol) throws Exception {
        SSLEngine e = PKI.sslkit(protocol, PKI.server).createSSLEngine();
        e.setUseClientMode(false);
        return e;
    }

    private static EnginePump sslkitPair(String protocol) throws Exception {
        EnginePump p = new EnginePump(client(protocol), server(protocol));
        p.handshake();
        return p;
    }

    private static int retained(SSLEngine e) {
        return EngineInternals.retainedBufferBytes(e);
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static ByteBuffer wrapped(SSLEngine e, byte[] data) throws SSLException {
        ByteBuffer wire = ByteBuffer.allocate(2 * e.getSession().getPacketBufferSize());
        ByteBuffer src = ByteBuffer.wrap(data);
        while (src.hasRemaining()) {
            assertEquals(Status.OK, e.wrap(src, wire).getStatus());
        }
        return wire.flip();
    }

    /** Asserts that {@code wire} (read mode) is a sequence of whole records, and returns how many. */
    private static int wholeRecords(ByteBuffer wire) {
        int records = 0;
        int p = wire.position();
        while (p < wire.limit()) {
            assertTrue(wire.limit() - p >= 5, "a record header cut");
            p += 5 + ((wire.get(p + 3) & 0xFF) << 8 | (wire.get(p + 4) & 0xFF));
            records++;
        }
        assertEquals(wire.limit(), p, "a record cut");
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1", "TLSv1.2"})
    void anIdlePairHoldsNoBuffers(String protocol) throws Exception {
        EnginePump p = sslkitPair(protocol);
        assertEquals(0, retained(p.client), "client after the handshake");
        assertEquals(0, retained(p.server), "server after the handshake");
        byte[] record = data(16_384);
        assertArrayEquals(record, EnginePump.transfer(p.client, p.server, record));
        assertArrayEquals(record, EnginePump.transfer(p.server, p.client, record));
        assertEquals(0, retained(p.client), "client");
        assertEquals(0, retained(p.server), "server");
    }

    @Test
    void anIdleEngineFacingSunJsseHoldsNoBuffers() throws Exception {
        SSLEngine sun = PKI.sunJsse(PKI.server).createSSLEngine();
        sun.setUseClientMode(false);
        EnginePump p = new EnginePump(client("TLS"), sun);
        p.handshake();
        byte[] big = data(40_000);
        assertArrayEquals(big, EnginePump.transfer(p.client, p.server, big));
        assertArrayEquals(big, EnginePump.transfer(p.server, p.client, big));
        assertEquals(0, retained(p.client));
    }

    /**
     * Every flight is wrapped into destinations that start at one byte and double after each BUFFER_OVERFLOW: each
     * record is refused whole, then handed out whole, and the handshake completes as usual.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.2"})
    void handshakeRecordsWaitWholeForARoomierDestination(String protocol) throws Exception {
        SSLEngine c = client(protocol);
        SSLEngine s = server(protocol);
        ByteBuffer toServer = ByteBuffer.allocate(65_536);
        ByteBuffer toClient = ByteBuffer.allocate(65_536);
        c.beginHandshake();
        s.beginHandshake();
        int overflows = 0;
        for (int round = 0; round < 20 && !(idle(c) && idle(s) && toServer.position() == 0
                && toClient.position() == 0); round++) {
            overflows += drip(c, toServer) + drip(s, toClient);
            readAll(s, toServer);
            readAll(c, toClient);
        }
        assertTrue(idle(c) && idle(s), "client " + c.getHandshakeStatus() + ", server " + s.getHandshakeStatus());
        assertTrue(overflows >= 4, "every record overflowed first: " + overflows);
        assertEquals(0, retained(c));
        assertEquals(0, retained(s));
        byte[] hello = data(100);
        assertArrayEquals(hello, EnginePump.transfer(c, s, hello));
        assertArrayEquals(hello, EnginePump.transfer(s, c, hello));
    }

    private static boolean idle(SSLEngine e) {
        return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** Wraps all that {@code e} has to send into {@code wire}; returns how many wraps overflowed. */
    private static int drip(SSLEngine e, ByteBuffer wire) throws SSLException {
        int overflows = 0;
        int room = 1;
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            ByteBuffer dst = ByteBuffer.allocate(room);
            SSLEngineResult r = e.wrap(NOTHING, dst);
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                assertEquals(0, r.bytesProduced());
                assertEquals(0, dst.position(), "nothing written");
                assertEquals(HandshakeStatus.NEED_WRAP, r.getHandshakeStatus());
                overflows++;
                room *= 2;
                continue;
            }
            assertEquals(Status.OK, r.getStatus());
            assertTrue(r.bytesProduced() > 0);
            dst.flip();
            assertTrue(wholeRecords(dst) >= 1);
            wire.put(dst);
            room = 1;
        }
        return overflows;
    }

    private static void readAll(SSLEngine e, ByteBuffer wire) throws SSLException {
        wire.flip();
        try {
            while (wire.hasRemaining() && e.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                SSLEngineResult r = e.unwrap(wire, ByteBuffer.allocate(e.getSession().getApplicationBufferSize()));
                assertEquals(Status.OK, r.getStatus());
            }
        } finally {
            wire.compact();
        }
    }

    /** The client's second flight is three records: a destination with room for some gets those, whole. */
    @Test
    void queuedRecordsGoOutAsManyAsFit() throws Exception {
        SSLEngine c = client("TLSv1.2");
        SSLEngine s = server("TLSv1.2");
        ByteBuffer wire = ByteBuffer.allocate(65_536);
        c.beginHandshake();
        s.beginHandshake();
        c.wrap(NOTHING, wire);
        readAll(s, wire);
        s.wrap(NOTHING, wire);
        readAll(c, wire);
        assertEquals(HandshakeStatus.NEED_WRAP, c.getHandshakeStatus());
        // this pair shows the flight's record lengths; a second pair's are the same (RSA-2048 key exchange)
        ByteBuffer all = ByteBuffer.allocate(65_536);
        assertEquals(Status.OK, c.wrap(NOTHING, all).getStatus());
        all.flip();
        assertEquals(3, wholeRecords(all), "ClientKeyExchange, ChangeCipherSpec, Finished");
        int first = 5 + ((all.get(3) & 0xFF) << 8 | (all.get(4) & 0xFF));
        int second = 5 + ((all.get(first + 3) & 0xFF) << 8 | (all.get(first + 4) & 0xFF));

        SSLEngine c2 = client("TLSv1.2");
        SSLEngine s2 = server("TLSv1.2");
        wire.clear();
        c2.beginHandshake();
        s2.beginHandshake();
        c2.wrap(NOTHING, wire);
        readAll(s2, wire);
        s2.wrap(NOTHING, wire);
        readAll(c2, wire);
        ByteBuffer dst = ByteBuffer.allocate(first + second + 1);
        SSLEngineResult r = c2.wrap(NOTHING, dst);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(first + second, r.bytesProduced(), "two whole records; the third does not fit");
        assertEquals(HandshakeStatus.NEED_WRAP, r.getHandshakeStatus());
        r = c2.wrap(NOTHING, ByteBuffer.allocate(10));
        assertEquals(Status.BUFFER_OVERFLOW, r.getStatus());
        ByteBuffer rest = ByteBuffer.allocate(c2.getSession().getPacketBufferSize());
        r = c2.wrap(NOTHING, rest);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(all.limit() - first - second, r.bytesProduced());
        assertEquals(HandshakeStatus.NEED_UNWRAP, r.getHandshakeStatus());
        assertEquals(0, retained(c2));
        dst.flip();
        rest.flip();
        ByteBuffer flight = ByteBuffer.allocate(dst.remaining() + rest.remaining()).put(dst).put(rest).flip();
        while (flight.hasRemaining()) {
            assertEquals(Status.OK, s2.unwrap(flight, ByteBuffer.allocate(16_384)).getStatus());
        }
        wire.clear();
        s2.wrap(NOTHING, wire);
        readAll(c2, wire);
        assertTrue(idle(c2) && idle(s2), "client " + c2.getHandshakeStatus() + ", server " + s2.getHandshakeStatus());
    }

    @Test
    void applicationDataTooBigForTheDestinationWaitsForABiggerOne() throws Exception {
        EnginePump p = sslkitPair("TLSv1.2");
        byte[] msg = data(3000);
        ByteBuffer src = ByteBuffer.wrap(msg);
        SSLEngineResult w = p.client.wrap(src, ByteBuffer.allocate(1000));
        assertEquals(Status.BUFFER_OVERFLOW, w.getStatus());
        assertEquals(0, src.position());
        ByteBuffer wire = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        w = p.client.wrap(src, wire);
        assertEquals(Status.OK, w.getStatus());
        assertEquals(3000, w.bytesConsumed());
        wire.flip();
        int size = wire.remaining();

        ByteBuffer small = ByteBuffer.allocate(2999);
        SSLEngineResult u = p.server.unwrap(wire, small);
        assertEquals(Status.BUFFER_OVERFLOW, u.getStatus());
        assertEquals(0, u.bytesConsumed());
        assertEquals(0, small.position());
        assertEquals(size, wire.remaining());
        ByteBuffer app = ByteBuffer.allocate(p.server.getSession().getApplicationBufferSize());
        u = p.server.unwrap(wire, app);
        assertEquals(Status.OK, u.getStatus());
        assertEquals(size, u.bytesConsumed());
        assertEquals(3000, u.bytesProduced());
        assertArrayEquals(msg, Arrays.copyOf(app.array(), app.position()));
        assertEquals(0, retained(p.client));
        assertEquals(0, retained(p.server));
    }

    @Test
    void oneAndAHalfRecordsGiveOneRecordThenUnderflow() throws Exception {
        EnginePump p = sslkitPair("TLSv1.2");
        byte[] a = data(1000);
        byte[] b = data(2000);
        ByteBuffer first = wrapped(p.server, a);
        ByteBuffer second = wrapped(p.server, b);
        int half = second.remaining() / 2;
        ByteBuffer in = ByteBuffer.allocate(first.remaining() + second.remaining());
        in.put(first).put(second.slice(0, half)).flip();
        second.position(half);
        int firstLength = in.limit() - half;

        ByteBuffer app = ByteBuffer.allocate(p.client.getSession().getApplicationBufferSize());
        SSLEngineResult r = p.client.unwrap(in, app);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(firstLength, r.bytesConsumed());
        assertEquals(1000, r.bytesProduced());
        r = p.client.unwrap(in, app);
        assertEquals(Status.BUFFER_UNDERFLOW, r.getStatus());
        assertEquals(0, r.bytesConsumed());
        assertEquals(0, r.bytesProduced());
        assertEquals(half, in.remaining());
        assertEquals(0, retained(p.client), "the half record stays in the caller's buffer");

        in.compact().put(second).flip();
        r = p.client.unwrap(in, app);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(2000, r.bytesProduced());
        assertEquals(0, in.remaining());
        byte[] both = Arrays.copyOf(a, 3000);
        System.arraycopy(b, 0, both, 1000, 2000);
        assertArrayEquals(both, Arrays.copyOf(app.array(), app.position()));
        assertEquals(0, retained(p.client));
    }

    @Test
    void aRecordIsScatteredOverSeveralSmallBuffers() throws Exception {
        EnginePump p = sslkitPair("TLSv1.2");
        byte[] msg = data(10_000);
        ByteBuffer wire = wrapped(p.server, msg);
        int size = wire.remaining();
        ByteBuffer full = ByteBuffer.allocate(50);
        full.position(50);
        ByteBuffer[] few = new ByteBuffer[] {ByteBuffer.allocate(0), ByteBuffer.allocate(1000), full,
            ByteBuffer.allocate(1000)};
        SSLEngineResult r = p.client.unwrap(wire, few);
        assertEquals(Status.BUFFER_OVERFLOW, r.getStatus(), "2000 bytes of room for 10000");
        assertEquals(0, r.bytesConsumed());

        // room for the plaintext and the most a record can add to it: 11 * 1000 + 1
        ByteBuffer[] dsts = new ByteBuffer[15];
        dsts[0] = ByteBuffer.allocate(100);
        dsts[1] = full;
        for (int i = 2; i < dsts.length; i++) {
            dsts[i] = ByteBuffer.allocate(i == 5 ? 1 : 1000);
        }
        r = p.client.unwrap(wire, dsts, 1, 13);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(size, r.bytesConsumed());
        assertEquals(10_000, r.bytesProduced());
        assertEquals(0, dsts[0].position(), "before the given offset nothing is written");
        assertEquals(0, dsts[14].position(), "past the given length nothing is written");
        ByteBuffer got = ByteBuffer.allocate(10_000);
        for (int i = 2; i < dsts.length - 1; i++) {
            got.put(dsts[i].flip());
        }
        assertArrayEquals(msg, got.array());
        assertEquals(0, retained(p.client));
    }

    @Test
    void aRecordGoesToTheFirstBufferWithRoomWhenItFits() throws Exception {
        EnginePump p = sslkitPair("TLSv1.2");
        byte[] msg = data(16_384);
        ByteBuffer wire = wrapped(p.server, msg);
        ByteBuffer[] dsts = {ByteBuffer.allocate(0), ByteBuffer.allocate(16_384), ByteBuffer.allocate(100)};
        SSLEngineResult r = p.client.unwrap(wire, dsts);
        assertEquals(Status.OK, r.getStatus());
        assertEquals(16_384, r.bytesProduced());
        assertArrayEquals(msg, dsts[1].array());
        assertEquals(0, dsts[2].position());
        assertEquals(0, retained(p.client));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.2"})
    void severalSmallSourcesMakeOneWrap(String protocol) throws Exception {
        EnginePump p = sslkitPair(protocol);
        byte[] msg = data(20_000);
        ByteBuffer[] srcs = new ByteBuffer[8];
        srcs[0] = ByteBuffer.allocate(0);
        for (int i = 1; i < srcs.length; i++) {
            srcs[i] = ByteBuffer.wrap(msg, (i - 1) * 3000, i < 7 ? 3000 : 2000).slice();
        }
        ByteBuffer wire = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        SSLEngineResult w = p.client.wrap(srcs, wire);
        assertEquals(Status.OK, w.getStatus());
        assertEquals(16_384, w.bytesConsumed(), "one record's worth");
        assertEquals(0, srcs[5].remaining());
        assertEquals(3000 - (16_384 - 5 * 3000), srcs[6].remaining());
        assertEquals(2000, srcs[7].remaining());
        ByteBuffer wire2 = ByteBuffer.allocate(p.client.getSession().getPacketBufferSize());
        w = p.client.wrap(srcs, 1, 7, wire2);
        assertEquals(Status.OK, w.getStatus());
        assertEquals(20_000 - 16_384, w.bytesConsumed());

        ByteBuffer app = ByteBuffer.allocate(20_000 + p.server.getSession().getApplicationBufferSize());
        for (ByteBuffer in : new ByteBuffer[] {wire.flip(), wire2.flip()}) {
            wholeRecords(in);
            while (in.hasRemaining()) {
                assertEquals(Status.OK, p.server.unwrap(in, app).getStatus());
            }
        }
        assertArrayEquals(msg, Arrays.copyOf(app.array(), app.position()));
        assertEquals(0, retained(p.client));
        assertEquals(0, retained(p.server));
    }

    /** While a renegotiation waits for the peer, application data is not taken (and so not lost). */
    @Test
    void applicationDataWaitsOutARenegotiation() throws Exception {
        EnginePump p = sslkitPair("TLSv1.2");
        p.client.beginHandshake();
        assertEquals(HandshakeStatus.NEED_WRAP, p.client.getHandshakeStatus());
        p.client.wrap(NOTHING, p.toServer);
        assertEquals(HandshakeStatus.NEED_UNWRAP, p.client.getHandshakeStatus());
        byte[] msg = data(500);
        ByteBuffer src = ByteBuffer.wrap(msg);
        SSLEngineResult w = p.client.wrap(src, ByteBuffer.allocate(p.client.getSession().getPacketBufferSize()));
        assertEquals(Status.OK, w.getStatus());
        assertEquals(0, w.bytesConsumed());
        assertEquals(0, w.bytesProduced());
        assertEquals(0, src.position());
        p.renegotiate(p.client);
        assertEquals(2, p.clientFinished);
        assertArrayEquals(msg, EnginePump.transfer(p.client, p.server, msg));
    }

    @Test
    void pendingAlertAfterAFailureIsHandedOutWhole() throws Exception {
        SSLEngine sun = PKI.sunJsse(PKI.strangerServer).createSSLEngine();
        sun.setUseClientMode(false);
        EnginePump p = new EnginePump(client("TLS"), sun);
        try {
            p.handshake();
            fail("the stranger's certificate was accepted");
        } catch (SSLException expected) {
            // the client refused it and queued its alert
        }
        assertEquals(HandshakeStatus.NEED_WRAP, p.client.getHandshakeStatus());
        assertEquals(Status.BUFFER_OVERFLOW, p.client.wrap(NOTHING, ByteBuffer.allocate(3)).getStatus());
        ByteBuffer dst = ByteBuffer.allocate(100);
        SSLEngineResult r = p.client.wrap(NOTHING, dst);
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(1, wholeRecords(dst.flip()));
        assertEquals(21, dst.get(0), "an alert record");
        assertTrue(p.client.isOutboundDone());
        assertEquals(0, retained(p.client));
    }
}
