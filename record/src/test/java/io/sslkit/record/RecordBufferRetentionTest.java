package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An established connection whose caller passes heap buffers holds no record-sized buffer of its own: records are
 * protected and unprotected in the caller's arrays. Only direct buffers make the layer stage through its own.
 */
class RecordBufferRetentionTest {

    private static byte[] roundTrip(Connection c, byte[] data, boolean direct) throws Exception {
        int size = c.writer().maxWireSize(data.length);
        ByteBuffer wire = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(data), wire);
        wire.flip();
        ByteBuffer got = ByteBuffer.allocate(data.length);
        Record r;
        while ((r = c.reader().read(wire)) != null) {
            got.put(r.fragment());
        }
        assertEquals(0, wire.remaining());
        return got.array();
    }

    @Test
    void heapBuffersNeedNoStaging() throws Exception {
        byte[] data = new byte[40_000];
        new Random(11).nextBytes(data);
        for (Suite s : new Suite[] {Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256),
                Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA),
                Suite.of(ProtocolVersion.SSL_3_0, JcaBulkCipher.RC4_128, JcaDigest.MD5)}) {
            Connection c = Connection.of(s);
            assertArrayEquals(data, roundTrip(c, data, false), s.toString());
            assertEquals(0, c.writer().stagingBytes(), s + " writer");
            assertEquals(0, c.reader().stagingBytes(), s + " reader");
        }
    }

    /** The counterpart, so that the check above cannot pass merely because nothing is ever counted. */
    @Test
    void directBuffersAreStaged() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256);
        Connection c = Connection.of(s);
        byte[] data = new byte[5_000];
        new Random(12).nextBytes(data);
        assertArrayEquals(data, roundTrip(c, data, true));
        assertTrue(c.writer().stagingBytes() >= data.length);
        assertTrue(c.reader().stagingBytes() >= data.length);
    }
}
