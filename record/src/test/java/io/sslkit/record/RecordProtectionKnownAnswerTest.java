package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every version x cipher x digest: the records the layer writes equal records built independently from the RFC text
 * (JDK Mac / MessageDigest for the MACs, a fresh JCE cipher per record for CBC with the IV rule of each version), and
 * the layer reads them back.
 */
class RecordProtectionKnownAnswerTest {
    private record Message(ContentType type, byte[] content) {
    }

    static List<Suite> suites() {
        return Suite.all();
    }

    private static List<Message> messages() {
        Random r = new Random(42);
        int[] sizes = {37, 1000, 2, 1 << 14, 1};
        ContentType[] types = {ContentType.HANDSHAKE, ContentType.APPLICATION_DATA, ContentType.ALERT,
                ContentType.APPLICATION_DATA, ContentType.APPLICATION_DATA};
        Message[] m = new Message[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            byte[] c = new byte[sizes[i]];
            r.nextBytes(c);
            m[i] = new Message(types[i], c);
        }
        return List.of(m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void writtenRecordsMatchTheReference(Suite s) throws Exception {
        RecordLayer writer = new RecordLayer(RecordLimits.DEFAULT);
        writer.setVersion(s.version());
        writer.setSplitCbcRecords(false);
        writer.setPendingWrite(s.state(true));
        writer.changeWriteCipherSpec();

        Cipher stream = null;
        if (!s.isBlock() && !s.cipher().name().equals("NULL")) {
            stream = Cipher.getInstance(s.cipher().transformation());
            stream.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(s.key(), s.cipher().keyAlgorithm()));
        }
        byte[] chain = s.iv();
        ByteBuffer wire = ByteBuffer.allocate(100_000);
        long seq = 0;
        for (Message m : messages()) {
            int start = wire.position();
            writer.write(m.type(), ByteBuffer.wrap(m.content()), wire);
            byte[] written = Arrays.copyOfRange(wire.array(), start, wire.position());

            byte[] mac = ReferenceRecord.mac(s, seq++, m.type().code(), m.content());
            int pad = ReferenceRecord.minimalPadding(s, m.content().length);
            byte[] plain = ReferenceRecord.plaintext(s, null, m.content(), mac, pad, pad);
            byte[] fragment;
            if (s.explicitIv()) {
                // RFC 4346 §6.2.3.2: the fragment is IV || CBC(key, IV, content || MAC || padding); the IV only has
                // to be unpredictable, so the reference takes it from the record and checks the rest.
                int bs = s.cipher().blockSize();
                byte[] iv = Arrays.copyOfRange(written, 5, 5 + bs);
                assertFalse(Arrays.equals(iv, chain), "explicit IV must not be the previous ciphertext block");
                byte[] body = s.cipher().encrypt(s.key(), iv, plain);
                fragment = concat(iv, body);
                chain = Arrays.copyOfRange(fragment, fragment.length - bs, fragment.length);
            } else if (s.isBlock()) {
                // SSL 3.0 / TLS 1.0: the IV of a record is the last ciphertext block of the one before.
                fragment = s.cipher().encrypt(s.key(), chain, plain);
                chain = Arrays.copyOfRange(fragment, fragment.length - s.cipher().blockSize(), fragment.length);
            } else {
                fragment = stream == null ? plain : stream.update(plain);
            }
            assertArrayEquals(ReferenceRecord.record(m.type().code(), s.version(), fragment), written,
                    "record " + (seq - 1) + " (" + m.type() + ", " + m.content().length + " bytes)");
        }

        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        reader.setVersion(s.version());
        reader.setPendingRead(s.state(false));
        reader.changeReadCipherSpec();
        wire.flip();
        for (Message m : messages()) {
            Record r = reader.read(wire);
            assertNotNull(r);
            assertEquals(m.type(), r.type());
            byte[] got = new byte[r.fragment().remaining()];
            r.fragment().get(got);
            assertArrayEquals(m.content(), got);
        }
        assertEquals(0, wire.remaining());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
