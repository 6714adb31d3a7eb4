package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The ChangeCipherSpec message and the pending-to-current switch it triggers. */
class ChangeCipherSpecTest {

    private static Record ccs(byte[] content) {
        return new Record(ContentType.CHANGE_CIPHER_SPEC, ByteBuffer.wrap(content));
    }

    private static Record ccs(int value) {
        return ccs(new byte[] {(byte) value});
    }

    @Test
    void exactlyOneByteOfValueOneIsAccepted() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            Record r = ccs(1);
            ChangeCipherSpec.check(r, v);
            assertEquals(1, r.fragment().remaining(), "check must not consume the fragment");
        }
        ChangeCipherSpec.check(ccs(1), null);
    }

    @Test
    void malformedCcsIsDecodeErrorInTlsAndUnexpectedMessageInSsl3() {
        byte[][] bad = {{}, {0}, {2}, {(byte) 0xff}, {1, 1}, {1, 0}, {0, 1}};
        for (byte[] b : bad) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                SslAlertException e = assertThrows(SslAlertException.class, () -> ChangeCipherSpec.check(ccs(b), v));
                assertEquals(v.isSsl3() ? AlertDescription.UNEXPECTED_MESSAGE : AlertDescription.DECODE_ERROR,
                        e.alert(), v + " " + java.util.Arrays.toString(b));
            }
        }
        SslAlertException e = assertThrows(SslAlertException.class, () -> ChangeCipherSpec.check(
                new Record(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {1})), ProtocolVersion.TLS_1_0));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void ccsBeforePendingKeysOrTwiceIsAnUnexpectedMessage() throws Exception {
        RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT);
        SslAlertException early = assertThrows(SslAlertException.class, layer::changeReadCipherSpec);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, early.alert());

        Suite s = Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.DES_EDE_CBC, JcaDigest.SHA);
        layer.setPendingRead(s.state(false));
        assertTrue(layer.hasPendingRead());
        layer.changeReadCipherSpec();
        assertFalse(layer.hasPendingRead());
        SslAlertException twice = assertThrows(SslAlertException.class, layer::changeReadCipherSpec);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, twice.alert());

        assertThrows(IllegalStateException.class, layer::changeWriteCipherSpec);
        assertThrows(IllegalArgumentException.class, () -> layer.setPendingRead(s.state(true)));
        assertThrows(IllegalArgumentException.class, () -> layer.setPendingWrite(s.state(false)));
    }

    /** The sequence of a real handshake's end: plaintext, CCS, then protected records, with fresh sequence numbers. */
    @Test
    void ccsSwitchesFromPlaintextToProtectedRecords() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            Suite s = Suite.of(v, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA);
            RecordLayer client = new RecordLayer(RecordLimits.DEFAULT);
            RecordLayer server = new RecordLayer(RecordLimits.DEFAULT);
            client.setVersion(v);
            server.setVersion(v);
            ByteBuffer wire = ByteBuffer.allocate(10_000);
            client.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {16, 0, 0, 1, 9}), wire);
            client.setPendingWrite(s.state(true));
            client.write(ContentType.CHANGE_CIPHER_SPEC, ByteBuffer.wrap(ChangeCipherSpec.MESSAGE), wire);
            client.changeWriteCipherSpec();
            client.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {20, 0, 0, 1, 7}), wire);
            wire.flip();

            Record hello = server.read(wire);
            assertEquals(ContentType.HANDSHAKE, hello.type());
            server.setPendingRead(s.state(false));
            Record change = server.read(wire);
            ChangeCipherSpec.check(change, v);
            server.changeReadCipherSpec();
            Record finished = server.read(wire);
            byte[] got = new byte[finished.fragment().remaining()];
            finished.fragment().get(got);
            assertArrayEquals(new byte[] {20, 0, 0, 1, 7}, got, v.toString());
        }
    }
}
