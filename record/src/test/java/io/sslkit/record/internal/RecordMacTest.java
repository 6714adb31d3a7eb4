package io.sslkit.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.spi.Digest;
import io.sslkit.record.testing.JcaDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Only a MAC made to hide the content length (a receiving CBC state's) does so and keeps the state for it (the
 * compression function and its blocks, or the buffer of extra compressions); any other refuses, and both compute the
 * same MAC.
 */
class RecordMacTest {
    private static final byte[] SECRET = new byte[20];
    private static final byte[] DATA = new byte[300];

    static {
        new Random(5).nextBytes(SECRET);
        new Random(6).nextBytes(DATA);
    }

    private static List<RecordMac> macs(Digest d, boolean hidesLength) {
        return List.of(new TlsHmac(d, SECRET, hidesLength), new Ssl3Mac(d, SECRET, hidesLength));
    }

    @Test
    void onlyAMacMadeToHideTheLengthHidesIt() {
        for (Digest d : List.of(JcaDigest.SHA, JcaDigest.MD5)) {
            List<RecordMac> plain = macs(d, false);
            List<RecordMac> hiding = macs(d, true);
            for (int i = 0; i < plain.size(); i++) {
                RecordMac send = plain.get(i);
                RecordMac receive = hiding.get(i);
                byte[] sent = new byte[send.length()];
                send.compute(7, 23, 0x0301, DATA, 0, 200, sent, 0);
                byte[] checked = new byte[receive.length()];
                receive.computeHidingLength(7, 23, 0x0301, DATA, 0, 200, DATA.length, checked, 0);
                assertArrayEquals(sent, checked, d + " " + send.getClass().getSimpleName());
                assertThrows(IllegalStateException.class,
                        () -> send.computeHidingLength(7, 23, 0x0301, DATA, 0, 200, DATA.length, sent, 0));
            }
        }
    }
}
