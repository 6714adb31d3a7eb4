package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.CountingDigest;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lucky 13 countermeasure, checked by counting instead of timing: CBC records of one length cost the same number
 * of compression-function calls whatever their padding length, and whether padding or MAC is good or bad; both with a
 * digest that offers its compression function (the constant-time path) and with one that does not (the fallback).
 */
class EqualWorkTest {

    static List<Arguments> suites() {
        List<Arguments> out = new ArrayList<>();
        for (boolean compressionFunction : new boolean[] {true, false}) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                for (JcaDigest d : JcaDigest.ALL) {
                    if (!v.isSsl3() || d.ssl3PadLength() > 0) {
                        out.add(Arguments.of(Suite.of(v, JcaBulkCipher.AES_128_CBC, d), compressionFunction));
                        out.add(Arguments.of(Suite.of(v, JcaBulkCipher.DES_CBC, d), compressionFunction));
                    }
                }
            }
        }
        return out;
    }

    /** A record whose plaintext (content, MAC, padding) is {@code total} bytes, with {@code padLength} padding. */
    private static byte[] record(Suite s, int total, int padLength, boolean breakPadding, boolean breakMac)
            throws Exception {
        byte[] content = new byte[total - s.digest().length() - 1 - padLength];
        byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content);
        if (breakMac) {
            mac[0] ^= 1;
        }
        byte[] iv = s.explicitIv() ? new byte[s.cipher().blockSize()] : null;
        byte[] plain = ReferenceRecord.plaintext(s, iv, content, mac, padLength, padLength);
        if (breakPadding) {
            // SSL 3.0 checks only the length byte; TLS every byte, so spoil the first padding byte there.
            if (s.version().isSsl3()) {
                plain[plain.length - 1] = (byte) 255;
            } else {
                plain[plain.length - 1 - padLength] ^= 1;
            }
        }
        return ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                s.cipher().encrypt(s.key(), s.iv(), plain));
    }

    private static long work(Suite s, CountingDigest counting, byte[] record, boolean accept) throws Exception {
        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        reader.setVersion(s.version());
        reader.setPendingRead(CipherState.create(s.version(), s.cipher(), counting, s.macSecret(), s.key(), s.iv(),
                false));
        reader.changeReadCipherSpec();
        counting.resetCount();
        if (accept) {
            reader.read(ByteBuffer.wrap(record));
        } else {
            SslAlertException e = assertThrows(SslAlertException.class, () -> reader.read(ByteBuffer.wrap(record)));
            assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
        }
        return counting.compressions();
    }

    @ParameterizedTest(name = "{0}, compression function {1}")
    @MethodSource("suites")
    void everyPaddingLengthAndEveryFailureCostsTheSame(Suite s, boolean compressionFunction) throws Exception {
        CountingDigest counting = new CountingDigest(s.digest(), compressionFunction);
        int bs = s.cipher().blockSize();
        int maxPad = s.version().isSsl3() ? bs - 1 : 255;
        int total = ((s.digest().length() + 1 + maxPad + 40) / bs + 1) * bs;
        long expected = work(s, counting, record(s, total, 0, false, false), true);
        assertTrue(expected > 0);
        for (int pad = 0; pad <= maxPad; pad += (s.version().isSsl3() ? 1 : 7)) {
            if ((total - s.digest().length() - 1 - pad) < 0) {
                break;
            }
            assertEquals(expected, work(s, counting, record(s, total, pad, false, false), true), "pad " + pad);
            assertEquals(expected, work(s, counting, record(s, total, pad, false, true), false), "bad MAC, pad " + pad);
            assertEquals(expected, work(s, counting, record(s, total, pad, true, false), false),
                    "bad padding, pad " + pad);
        }
    }
}
