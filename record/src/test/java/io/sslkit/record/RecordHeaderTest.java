package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Header checks and limits: content type, version, lengths, empty records; and nothing but alerts escape. */
class RecordHeaderTest {

    private static RecordLayer plainLayer() {
        return new RecordLayer(RecordLimits.DEFAULT);
    }

    private static byte[] header(int type, int version, int length) {
        return new byte[] {(byte) type, (byte) (version >>> 8), (byte) version, (byte) (length >>> 8),
                (byte) length};
    }

    private static AlertDescription alertOf(RecordLayer layer, byte[] bytes) {
        return assertThrows(SslAlertException.class, () -> layer.read(ByteBuffer.wrap(bytes))).alert();
    }

    @Test
    void unknownContentTypesAreUnexpectedMessagesFromTheHeaderAlone() {
        for (int type : new int[] {0, 1, 19, 24, 25, 0x80, 255}) {
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(plainLayer(), header(type, 0x0301, 10)),
                    "type " + type);
        }
    }

    @Test
    void knownContentTypesAreDecoded() throws Exception {
        for (ContentType t : ContentType.values()) {
            byte[] rec = ReferenceRecord.record(t.code(), ProtocolVersion.TLS_1_0, new byte[] {1, 1});
            Record r = plainLayer().read(ByteBuffer.wrap(rec));
            assertEquals(t, r.type());
            assertEquals(t, ContentType.fromCode(t.code()).orElseThrow());
        }
        assertEquals(java.util.Optional.empty(), ContentType.fromCode(-1));
        assertEquals(java.util.Optional.empty(), ContentType.fromCode(256));
    }

    @Test
    void versionBeforeNegotiationIsAny3xAndAfterwardsExactlyTheNegotiatedOne() throws Exception {
        for (int v : new int[] {0x0300, 0x0301, 0x0303, 0x0304, 0x03ff}) {
            assertNotNull(plainLayer().read(ByteBuffer.wrap(concat(header(22, v, 1), new byte[] {1}))));
        }
        for (int v : new int[] {0x0002, 0x0200, 0x0203, 0x0401, 0xfeff}) {
            assertEquals(AlertDescription.PROTOCOL_VERSION, alertOf(plainLayer(), header(22, v, 1)));
        }
        RecordLayer tls12 = plainLayer();
        tls12.setVersion(ProtocolVersion.TLS_1_2);
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertOf(tls12, header(22, 0x0301, 1)));
        // SSL 3.0 has no protocol_version alert.
        RecordLayer ssl3 = plainLayer();
        ssl3.setVersion(ProtocolVersion.SSL_3_0);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, alertOf(ssl3, header(22, 0x0301, 1)));
        assertNotNull(ssl3.read(ByteBuffer.wrap(concat(header(22, 0x0300, 1), new byte[] {1}))));
    }

    @Test
    void overlongRecordsAreRefusedBeforeTheyArrive() throws Exception {
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(plainLayer(), header(23, 0x0301, (1 << 14) + 1)));
        assertNull(plainLayer().read(ByteBuffer.wrap(header(23, 0x0301, 1 << 14))));
        RecordLayer ssl3 = plainLayer();
        ssl3.setVersion(ProtocolVersion.SSL_3_0);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, alertOf(ssl3, header(23, 0x0300, 0xffff)));

        for (ProtocolVersion v : ProtocolVersion.values()) {
            RecordLayer keyed = Connection.reader(Suite.of(v, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA));
            AlertDescription overflow = v.isSsl3() ? AlertDescription.ILLEGAL_PARAMETER
                    : AlertDescription.RECORD_OVERFLOW;
            assertEquals(overflow, alertOf(keyed, header(23, v.wireValue(), (1 << 14) + 2049)), v.toString());
            assertNull(keyed.read(ByteBuffer.wrap(header(23, v.wireValue(), (1 << 14) + 2048))), v.toString());
        }
    }

    @Test
    void plaintextOverTwoToTheFourteenAfterUnprotectionIsARecordOverflow() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.NULL, JcaDigest.SHA);
        byte[] content = new byte[(1 << 14) + 1];
        byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content);
        byte[] record = ReferenceRecord.record(23, s.version(), concat(content, mac));
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(Connection.reader(s), record));

        byte[] exact = new byte[1 << 14];
        byte[] ok = ReferenceRecord.record(23, s.version(),
                concat(exact, ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), exact)));
        assertEquals(1 << 14, Connection.reader(s).read(ByteBuffer.wrap(ok)).fragment().remaining());
    }

    @Test
    void zeroLengthHandshakeAlertAndCcsRecordsAreRefusedInTls() throws Exception {
        for (ContentType t : new ContentType[] {ContentType.HANDSHAKE, ContentType.ALERT,
                ContentType.CHANGE_CIPHER_SPEC}) {
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(plainLayer(), header(t.code(), 0x0301, 0)));
            RecordLayer ssl3 = plainLayer();
            ssl3.setVersion(ProtocolVersion.SSL_3_0);
            // SSL 3.0 does not forbid them; the alert and CCS checks refuse theirs.
            assertEquals(0, ssl3.read(ByteBuffer.wrap(header(t.code(), 0x0300, 0))).fragment().remaining());
        }
        assertEquals(0, plainLayer().read(ByteBuffer.wrap(header(23, 0x0301, 0))).fragment().remaining());
    }

    @Test
    void endlessEmptyRecordsAreCutOff() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256);
        RecordLayer reader = Connection.reader(s);
        // The layer never writes empty records; a peer might, so they are built by hand.
        ByteBuffer wire = ByteBuffer.allocate(10_000);
        for (int i = 0; i < 3; i++) {
            wire.put(emptyRecord(s, i));
        }
        wire.flip();
        // Reading decrypts in place, so the strict reader below gets its own copy of the records.
        ByteBuffer again = ByteBuffer.allocate(wire.remaining()).put(wire.duplicate()).flip();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, reader.read(wire).fragment().remaining());
        }
        RecordLayer strict = new RecordLayer(RecordLimits.DEFAULT.withMaxEmptyRecords(2));
        strict.setVersion(s.version());
        strict.setPendingRead(s.state(false));
        strict.changeReadCipherSpec();
        strict.read(again);
        strict.read(again);
        SslAlertException e = assertThrows(SslAlertException.class, () -> strict.read(again));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    private static byte[] emptyRecord(Suite s, long seq) throws Exception {
        byte[] mac = ReferenceRecord.mac(s, seq, 23, new byte[0]);
        int pad = ReferenceRecord.minimalPadding(s, 0);
        byte[] plain = ReferenceRecord.plaintext(s, new byte[16], new byte[0], mac, pad, pad);
        // Each record's explicit IV block is decrypted and dropped, so any chaining value will do.
        return ReferenceRecord.record(23, s.version(), s.cipher().encrypt(s.key(), new byte[16], plain));
    }

    @Test
    void incompleteInputLeavesTheBufferAlone() throws Exception {
        byte[] rec = ReferenceRecord.record(22, ProtocolVersion.TLS_1_0, new byte[] {1, 2, 3});
        RecordLayer layer = plainLayer();
        for (int n = 0; n < rec.length; n++) {
            ByteBuffer in = ByteBuffer.wrap(rec, 0, n);
            assertNull(layer.read(in));
            assertEquals(0, in.position());
            assertEquals(n, in.limit());
        }
        ByteBuffer in = ByteBuffer.wrap(rec);
        assertNotNull(layer.read(in));
        assertEquals(rec.length, in.position());
    }

    @Test
    void randomGarbageGivesOnlyAlertsOrNeedsMoreInput() throws Exception {
        Random r = new Random(3);
        for (Suite s : new Suite[] {Suite.of(ProtocolVersion.SSL_3_0, JcaBulkCipher.DES_CBC, JcaDigest.MD5),
                Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256),
                Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.RC4_128, JcaDigest.SHA)}) {
            for (int i = 0; i < 3000; i++) {
                byte[] b = new byte[r.nextInt(200)];
                r.nextBytes(b);
                if (b.length >= 5 && r.nextBoolean()) {
                    // Mostly well-formed headers, so that the fuzzing reaches the cryptographic checks.
                    b[0] = (byte) (20 + r.nextInt(4));
                    b[1] = 3;
                    b[2] = (byte) s.version().minor();
                    b[3] = 0;
                    b[4] = (byte) (b.length - 5);
                }
                RecordLayer layer = Connection.reader(s);
                try {
                    layer.read(ByteBuffer.wrap(b));
                } catch (SslAlertException expected) {
                    // the only exception allowed
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
