package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.Suite;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Data written in arbitrary pieces arrives intact, however the wire bytes are cut up or run together. */
class RecordRoundTripTest {

    static List<Suite> suites() {
        return Suite.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void randomFragmentationAndCoalescing(Suite s) throws Exception {
        Random r = new Random(s.toString().hashCode());
        for (boolean direct : new boolean[] {false, true}) {
            Connection c = Connection.of(s, RecordLimits.DEFAULT.withMaxPlaintext(1 + r.nextInt(RecordLimits.MAX_PLAINTEXT)));
            Map<ContentType, ByteArrayOutputStream> sent = new EnumMap<>(ContentType.class);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < 16; i++) {
                ContentType type = r.nextInt(4) == 0 ? ContentType.HANDSHAKE : ContentType.APPLICATION_DATA;
                byte[] data = new byte[1 + (r.nextInt(4) == 0 ? r.nextInt(36_000) : r.nextInt(300))];
                r.nextBytes(data);
                sent.computeIfAbsent(type, t -> new ByteArrayOutputStream()).writeBytes(data);
                ByteBuffer out = direct ? ByteBuffer.allocateDirect(c.writer().maxWireSize(data.length))
                        : ByteBuffer.allocate(c.writer().maxWireSize(data.length));
                c.writer().write(type, ByteBuffer.wrap(data), out);
                out.flip();
                byte[] w = new byte[out.remaining()];
                out.get(w);
                wire.writeBytes(w);
            }
            Map<ContentType, ByteArrayOutputStream> received = feedInRandomChunks(c.reader(), wire.toByteArray(), r,
                    direct);
            for (ContentType t : sent.keySet()) {
                assertArrayEquals(sent.get(t).toByteArray(), received.get(t).toByteArray(), t + " direct=" + direct);
            }
        }
    }

    /** Feeds the wire bytes in chunks of random size (1 byte to several records), as a socket might deliver them. */
    static Map<ContentType, ByteArrayOutputStream> feedInRandomChunks(RecordLayer reader, byte[] wire, Random r,
                                                                      boolean direct) throws Exception {
        Map<ContentType, ByteArrayOutputStream> received = new EnumMap<>(ContentType.class);
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(3 * RecordLimits.MAX_RECORD_SIZE)
                : ByteBuffer.allocate(3 * RecordLimits.MAX_RECORD_SIZE);
        int fed = 0;
        while (fed < wire.length || in.position() > 0) {
            int chunk = Math.min(wire.length - fed, Math.min(in.remaining(),
                    r.nextBoolean() ? 1 + r.nextInt(8) : 1 + r.nextInt(2 * RecordLimits.MAX_RECORD_SIZE)));
            in.put(wire, fed, chunk);
            fed += chunk;
            in.flip();
            int before;
            Record rec;
            do {
                before = in.position();
                rec = reader.read(in);
                if (rec == null) {
                    assertEquals(before, in.position(), "an incomplete record must leave the input alone");
                } else {
                    byte[] b = new byte[rec.fragment().remaining()];
                    rec.fragment().get(b);
                    received.computeIfAbsent(rec.type(), t -> new ByteArrayOutputStream()).writeBytes(b);
                }
            } while (rec != null);
            in.compact();
            if (fed == wire.length && in.position() > 0 && chunk == 0) {
                throw new AssertionError(in.position() + " bytes left that never made a record");
            }
        }
        return received;
    }

    @Test
    void cbcApplicationDataIsSplitOneAndRestInSsl3AndTls10() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (boolean split : new boolean[] {true, false}) {
                Suite s = Suite.of(v, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA);
                Connection c = Connection.of(s);
                c.writer().setSplitCbcRecords(split);
                ByteBuffer out = ByteBuffer.allocate(c.writer().maxWireSize(100));
                c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[100]), out);
                out.flip();
                List<Integer> sizes = new ArrayList<>();
                Record rec;
                while ((rec = c.reader().read(out)) != null) {
                    sizes.add(rec.fragment().remaining());
                }
                boolean expectSplit = split && !v.atLeast(ProtocolVersion.TLS_1_1);
                assertEquals(expectSplit ? List.of(1, 99) : List.of(100), sizes, v + " split=" + split);
            }
        }
    }

    @Test
    void streamCiphersAndHandshakeRecordsAreNeverSplit() throws Exception {
        Connection c = Connection.of(Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.RC4_128, JcaDigest.SHA));
        ByteBuffer out = ByteBuffer.allocate(1000);
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[100]), out);
        out.flip();
        assertEquals(100, c.reader().read(out).fragment().remaining());
        Connection cbc = Connection.of(Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.DES_CBC, JcaDigest.SHA));
        out.clear();
        cbc.writer().write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[100]), out);
        out.flip();
        assertEquals(100, cbc.reader().read(out).fragment().remaining());
    }

    @Test
    void largeWritesAreFragmentedAtTwoToTheFourteen() throws Exception {
        Connection c = Connection.of(Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256));
        int n = 3 * RecordLimits.MAX_PLAINTEXT + 5;
        ByteBuffer out = ByteBuffer.allocate(c.writer().maxWireSize(n));
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[n]), out);
        assertTrue(out.position() <= c.writer().maxWireSize(n));
        out.flip();
        List<Integer> sizes = new ArrayList<>();
        Record rec;
        while ((rec = c.reader().read(out)) != null) {
            sizes.add(rec.fragment().remaining());
        }
        assertEquals(List.of(1 << 14, 1 << 14, 1 << 14, 5), sizes);
    }

    @Test
    void tooSmallOutputConsumesNothing() throws Exception {
        Connection c = Connection.of(Suite.of(ProtocolVersion.TLS_1_1, JcaBulkCipher.DES_EDE_CBC, JcaDigest.MD5));
        ByteBuffer data = ByteBuffer.wrap(new byte[500]);
        ByteBuffer out = ByteBuffer.allocate(c.writer().maxWireSize(500) - 1);
        assertThrows(BufferOverflowException.class, () -> c.writer().write(ContentType.APPLICATION_DATA, data, out));
        assertEquals(0, data.position());
        assertEquals(0, out.position());
    }

    @Test
    void emptyApplicationDataWritesNothingAndEmptyHandshakeIsRefused() throws Exception {
        Connection c = Connection.of(Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_256_CBC, JcaDigest.SHA384));
        ByteBuffer out = ByteBuffer.allocate(100);
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.allocate(0), out);
        assertEquals(0, out.position());
        assertThrows(IllegalArgumentException.class,
                () -> c.writer().write(ContentType.HANDSHAKE, ByteBuffer.allocate(0), out));
        assertNull(c.reader().read(ByteBuffer.allocate(0)));
    }

    @Test
    void initialStateWritesPlaintextWithTheInitialVersion() throws Exception {
        RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT);
        layer.setInitialVersion(0x0300);
        ByteBuffer out = ByteBuffer.allocate(100);
        layer.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {1, 2, 3}), out);
        out.flip();
        assertEquals(ByteBuffer.wrap(new byte[] {22, 3, 0, 0, 3, 1, 2, 3}), out);
        RecordLayer peer = new RecordLayer(RecordLimits.DEFAULT);
        Record rec = peer.read(out);
        assertEquals(ContentType.HANDSHAKE, rec.type());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), rec.fragment());
        assertThrows(IllegalArgumentException.class, () -> layer.setInitialVersion(0x0200));
    }
}
