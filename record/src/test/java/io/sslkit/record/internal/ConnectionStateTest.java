package io.sslkit.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Sequence numbers: the last one, 2^64 - 1, is used, and then the state refuses to wrap. */
class ConnectionStateTest {

    private static ConnectionState state(Suite s, boolean encrypt) {
        return ConnectionState.keyed(s.version(), s.cipher(), s.digest(), s.macSecret(), s.key(), s.iv(), encrypt);
    }

    @Test
    void theLastSequenceNumberIsUsedAndThenTheStateRefusesToWrap() throws Exception {
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_2}) {
            Suite s = Suite.of(v, JcaBulkCipher.NULL, JcaDigest.SHA);
            // SSL 3.0 has no internal_error; handshake_failure is its closest.
            AlertDescription exhausted = v.isSsl3() ? AlertDescription.HANDSHAKE_FAILURE
                    : AlertDescription.INTERNAL_ERROR;
            ConnectionState writer = state(s, true);
            writer.setSeqNumForTest(-1L);
            byte[] content = {1, 2, 3};
            byte[] buf = Arrays.copyOf(content, 100);
            int n = writer.protect(23, v.wireValue(), buf, 0, content.length);
            byte[] mac = ReferenceRecord.mac(s, -1L, 23, content);
            assertArrayEquals(mac, Arrays.copyOfRange(buf, content.length, n), "MAC over seq_num 2^64-1");
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> writer.protect(23, v.wireValue(), buf, 0, content.length));
            assertEquals(exhausted, e.alert());

            ConnectionState reader = state(s, false);
            reader.setSeqNumForTest(-1L);
            byte[] dst = new byte[100];
            assertEquals(content.length, reader.unprotect(23, v.wireValue(), buf, 0, n, dst, 0));
            e = assertThrows(SslAlertException.class, () -> reader.unprotect(23, v.wireValue(), buf, 0, n, dst, 0));
            assertEquals(exhausted, e.alert());
        }
    }

    /**
     * Filling in a stack trace costs microseconds, many times a record's check: a refusal that carried one would be
     * told from an acceptance by its time. The alert and message must survive the missing trace.
     */
    @Test
    void aRefusedRecordThrowsBadRecordMacWithoutAStackTrace() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_2, JcaBulkCipher.AES_128_CBC, JcaDigest.SHA);
        byte[] buf = new byte[200];
        int n = state(s, true).protect(23, 0x0303, buf, 0, 40);
        buf[n - 1] ^= 1;
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> state(s, false).unprotect(23, 0x0303, buf, 0, n, new byte[200], 0));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
        assertEquals("record MAC or padding check failed (alert bad_record_mac)", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void sequenceNumbersCountEveryRecord() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.RC4_128, JcaDigest.MD5);
        ConnectionState writer = state(s, true);
        byte[] buf = new byte[100];
        for (int i = 0; i < 5; i++) {
            writer.protect(23, 0x0301, buf, 0, 10);
        }
        assertEquals(5, writer.seqNum());
    }

    /** NIST SP 800-38A, Appendix C: each explicit IV is the write key's encryption of the record's sequence number. */
    @Test
    void explicitIvsAreTheSequenceNumbersEncryptedUnderTheWriteKey() throws Exception {
        for (JcaBulkCipher c : new JcaBulkCipher[] {JcaBulkCipher.AES_128_CBC, JcaBulkCipher.DES_EDE_CBC}) {
            Suite s = Suite.of(ProtocolVersion.TLS_1_2, c, JcaDigest.SHA);
            ConnectionState writer = state(s, true);
            int bs = c.blockSize();
            String algorithm = c.transformation().substring(0, c.transformation().indexOf('/'));
            Cipher ecb = Cipher.getInstance(algorithm + "/ECB/NoPadding");
            ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(s.key(), c.keyAlgorithm()));
            Set<String> seen = new HashSet<>();
            for (long seq = 0; seq < 5; seq++) {
                byte[] buf = new byte[200];
                int n = writer.protect(23, 0x0303, buf, 0, 1 + (int) seq * 7);
                byte[] iv = Arrays.copyOf(buf, bs);
                byte[] nonce = new byte[bs];
                ByteBuffer.wrap(nonce, bs - 8, 8).putLong(seq);
                assertArrayEquals(nonce, ecb.doFinal(iv), "record " + seq);
                assertTrue(seen.add(Arrays.toString(iv)), "IV repeated at record " + seq);
                assertTrue(n > bs);
            }
        }
    }
}
