package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampering: every single-bit flip of a protected record is caught, bad padding and a bad MAC give the same alert,
 * and nothing but SslAlertException ever escapes.
 */
class RecordTamperTest {

    /** Every suite with a real MAC, protecting content that leaves padding of several bytes. */
    static List<Suite> suites() {
        return Suite.all();
    }

    private static byte[] protectedRecord(Suite s, int contentLength) throws Exception {
        Connection c = Connection.of(s);
        c.writer().setSplitCbcRecords(false);
        ByteBuffer out = ByteBuffer.allocate(c.writer().maxWireSize(contentLength));
        byte[] content = new byte[contentLength];
        Arrays.fill(content, (byte) 'x');
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(content), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyBitFlipInTheFragmentIsABadRecordMac(Suite s) throws Exception {
        byte[] record = protectedRecord(s, 9);
        for (int bit = 5 * 8; bit < record.length * 8; bit++) {
            byte[] tampered = record.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            RecordLayer reader = Connection.reader(s);
            SslAlertException e = assertThrows(SslAlertException.class, () -> reader.read(ByteBuffer.wrap(tampered)),
                    "bit " + bit);
            assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert(), "bit " + bit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyBitFlipInTheHeaderIsAnAlertOrIncomplete(Suite s) throws Exception {
        byte[] record = protectedRecord(s, 9);
        for (int bit = 0; bit < 5 * 8; bit++) {
            byte[] tampered = record.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            RecordLayer reader = Connection.reader(s);
            try {
                Record r = reader.read(ByteBuffer.wrap(tampered));
                // Only a longer length field can leave the record incomplete; nothing may be accepted.
                if (r != null) {
                    fail("bit " + bit + " accepted");
                }
                assertTrue(bit / 8 >= 3, "only a longer length field can make the record look incomplete");
            } catch (SslAlertException e) {
                List<AlertDescription> expected = List.of(AlertDescription.BAD_RECORD_MAC,
                        AlertDescription.UNEXPECTED_MESSAGE, AlertDescription.RECORD_OVERFLOW,
                        AlertDescription.PROTOCOL_VERSION, AlertDescription.ILLEGAL_PARAMETER,
                        AlertDescription.HANDSHAKE_FAILURE);
                if (!expected.contains(e.alert())) {
                    fail("bit " + bit + ": " + e.alert());
                }
            }
        }
    }

    /** A block-cipher record built by hand: correct MAC, chosen padding. */
    private static byte[] handMadeRecord(Suite s, byte[] content, int padLength, int padValue) throws Exception {
        byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content);
        int bs = s.cipher().blockSize();
        byte[] explicitIv = s.explicitIv() ? new byte[bs] : null;
        byte[] plain = ReferenceRecord.plaintext(s, explicitIv, content, mac, padLength, padValue);
        byte[] fragment = s.cipher().encrypt(s.key(), s.iv(), plain);
        return ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(), fragment);
    }

    private static AlertDescription readAlert(Suite s, byte[] record) throws Exception {
        RecordLayer reader = Connection.reader(s);
        try {
            Record r = reader.read(ByteBuffer.wrap(record));
            return r == null ? null : AlertDescription.CLOSE_NOTIFY;
        } catch (SslAlertException e) {
            return e.alert();
        }
    }

    static List<Suite> blockSuites() {
        List<Suite> out = new ArrayList<>();
        for (Suite s : Suite.all()) {
            if (s.isBlock()) {
                out.add(s);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockSuites")
    void tlsPaddingIsCheckedByteForByteWithTheSameAlertAsABadMac(Suite s) throws Exception {
        byte[] content = new byte[30];
        int bs = s.cipher().blockSize();
        int minimal = ReferenceRecord.minimalPadding(s, content.length);
        int longPadding = minimal + bs * 10;
        byte[] good = handMadeRecord(s, content, longPadding, longPadding);
        if (s.version().isSsl3()) {
            // SSL 3.0: the padding must be shorter than a block; its bytes are arbitrary.
            assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(s, good));
            assertEquals(AlertDescription.CLOSE_NOTIFY, readAlert(s, handMadeRecord(s, content, minimal, 0xA5)));
            assertEquals(AlertDescription.CLOSE_NOTIFY, readAlert(s, handMadeRecord(s, content, minimal, minimal)));
            return;
        }
        // TLS: up to 255 bytes of padding are legal, and every byte must equal the length.
        assertEquals(AlertDescription.CLOSE_NOTIFY, readAlert(s, good), "long padding must be accepted");
        for (int wrong = 0; wrong < longPadding; wrong++) {
            byte[] content2 = content.clone();
            byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content2);
            byte[] explicitIv = s.explicitIv() ? new byte[bs] : null;
            byte[] plain = ReferenceRecord.plaintext(s, explicitIv, content2, mac, longPadding, longPadding);
            plain[plain.length - 2 - wrong] ^= 1;
            byte[] record = ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                    s.cipher().encrypt(s.key(), s.iv(), plain));
            assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(s, record), "padding byte " + wrong);
        }
        // Padding length beyond the record: the same alert.
        byte[] plain = ReferenceRecord.plaintext(s, s.explicitIv() ? new byte[bs] : null, content,
                ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content), minimal, minimal);
        plain[plain.length - 1] = (byte) 255;
        byte[] record = ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                s.cipher().encrypt(s.key(), s.iv(), plain));
        assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(s, record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockSuites")
    void badMacWithGoodPaddingIsTheSameAlert(Suite s) throws Exception {
        byte[] content = new byte[30];
        int minimal = ReferenceRecord.minimalPadding(s, content.length);
        byte[] mac = ReferenceRecord.mac(s, 1, ContentType.APPLICATION_DATA.code(), content);
        byte[] plain = ReferenceRecord.plaintext(s, s.explicitIv() ? new byte[s.cipher().blockSize()] : null, content,
                mac, minimal, minimal);
        byte[] record = ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                s.cipher().encrypt(s.key(), s.iv(), plain));
        assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(s, record), "MAC with the wrong sequence number");
    }

    @Test
    void ciphertextNotAWholeNumberOfBlocksOrTooShortIsABadRecordMac() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_1, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA);
        for (int length : new int[] {0, 1, 15, 16, 17, 32, 33}) {
            byte[] record = ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(), new byte[length]);
            assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(s, record), "length " + length);
        }
        Suite rc4 = Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.RC4_128, JcaDigest.MD5);
        byte[] shortRecord = ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), rc4.version(), new byte[15]);
        assertEquals(AlertDescription.BAD_RECORD_MAC, readAlert(rc4, shortRecord));
    }

    @Test
    void replayedOrReorderedRecordsFailTheMac() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA256);
        Connection c = Connection.of(s);
        ByteBuffer out = ByteBuffer.allocate(1000);
        c.writer().write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[10]), out);
        byte[] first = Arrays.copyOf(out.array(), out.position());
        ByteBuffer in = ByteBuffer.wrap(first);
        assertArrayEquals(new byte[10], bytes(c.reader().read(in)));
        SslAlertException e = assertThrows(SslAlertException.class, () -> c.reader().read(ByteBuffer.wrap(first)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    private static byte[] bytes(Record r) {
        byte[] b = new byte[r.fragment().remaining()];
        r.fragment().get(b);
        return b;
    }
}
