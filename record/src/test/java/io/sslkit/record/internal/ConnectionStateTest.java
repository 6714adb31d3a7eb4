package io.sslkit.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.FixedRandom;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import java.util.Arrays;
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
            int n = writer.protect(23, v.wireValue(), buf, 0, content.length, new FixedRandom(1));
            byte[] mac = ReferenceRecord.mac(s, -1L, 23, content);
            assertArrayEquals(mac, Arrays.copyOfRange(buf, content.length, n), "MAC over seq_num 2^64-1");
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> writer.protect(23, v.wireValue(), buf, 0, content.length, new FixedRandom(1)));
            assertEquals(exhausted, e.alert());

            ConnectionState reader = state(s, false);
            reader.setSeqNumForTest(-1L);
            byte[] dst = new byte[100];
            assertEquals(content.length, reader.unprotect(23, v.wireValue(), buf, 0, n, dst));
            e = assertThrows(SslAlertException.class, () -> reader.unprotect(23, v.wireValue(), buf, 0, n, dst));
            assertEquals(exhausted, e.alert());
        }
    }

    @Test
    void sequenceNumbersCountEveryRecord() throws Exception {
        Suite s = Suite.of(ProtocolVersion.TLS_1_0, JcaBulkCipher.RC4_128, JcaDigest.MD5);
        ConnectionState writer = state(s, true);
        byte[] buf = new byte[100];
        for (int i = 0; i < 5; i++) {
            writer.protect(23, 0x0301, buf, 0, 10, new FixedRandom(1));
        }
        assertEquals(5, writer.seqNum());
    }
}
