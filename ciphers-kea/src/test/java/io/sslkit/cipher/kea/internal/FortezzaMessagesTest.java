package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire format of ServerFortezzaParams and FortezzaKeys, field by field. */
class FortezzaMessagesTest {

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static FortezzaKeys sample(int yLength) {
        return new FortezzaKeys(filled(yLength, 1), filled(128, 2), filled(40, 3), filled(12, 4), filled(12, 5),
                filled(24, 6), filled(24, 7), filled(24, 8), filled(48, 9));
    }

    @Test
    void fortezzaKeysLayoutIsTheRfcsFieldOrder() throws SslAlertException {
        byte[] body = sample(128).encode();
        assertEquals(1 + 128 + 128 + 40 + 12 + 12 + 24 + 24 + 24 + 48, body.length);
        assertEquals(128, body[0] & 0xff);
        int[] starts = {1, 129, 257, 297, 309, 321, 345, 369, 393};
        for (int field = 0; field < starts.length; field++) {
            assertEquals(field + 1, body[starts[field]], "first byte of field " + field);
        }
        FortezzaKeys decoded = FortezzaKeys.decode(body);
        assertArrayEquals(filled(128, 1), decoded.yC());
        assertArrayEquals(filled(128, 2), decoded.rC());
        assertArrayEquals(filled(40, 3), decoded.ySignature());
        assertArrayEquals(filled(12, 4), decoded.wrappedClientWriteKey());
        assertArrayEquals(filled(12, 5), decoded.wrappedServerWriteKey());
        assertArrayEquals(filled(24, 6), decoded.clientWriteIv());
        assertArrayEquals(filled(24, 7), decoded.serverWriteIv());
        assertArrayEquals(filled(24, 8), decoded.masterSecretIv());
        assertArrayEquals(filled(48, 9), decoded.encryptedPreMasterSecret());
    }

    @Test
    void emptyYcWhenTheKeyIsInTheCertificate() throws SslAlertException {
        byte[] body = sample(0).encode();
        assertEquals(1 + 312, body.length);
        assertEquals(0, FortezzaKeys.decode(body).yC().length);
    }

    /** RFC 6101 §5.6.7.2: a y_c "must be between 64 and 128 bytes". */
    @Test
    void ycOfSixtyFourToOneHundredTwentyEightBytes() throws SslAlertException {
        for (int length : new int[] {64, 100, 127}) {
            byte[] body = sample(length).encode();
            assertEquals(1 + length + 312, body.length);
            FortezzaKeys decoded = FortezzaKeys.decode(body);
            assertArrayEquals(filled(length, 1), decoded.yC());
            assertArrayEquals(filled(48, 9), decoded.encryptedPreMasterSecret());
        }
    }

    @Test
    void everyFramingFaultIsIllegalParameter() {
        byte[] good = sample(128).encode();
        byte[] badYLength = good.clone();
        badYLength[0] = 63;
        byte[] overlongY = good.clone();
        overlongY[0] = (byte) 129;
        byte[][] bad = {null, new byte[0], Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1),
            badYLength, overlongY, Arrays.copyOf(sample(0).encode(), 300)};
        for (byte[] body : bad) {
            SslAlertException e = assertThrows(SslAlertException.class, () -> FortezzaKeys.decode(body));
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
        }
    }

    @Test
    void fieldsOfTheWrongLengthCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new FortezzaKeys(new byte[0], filled(127, 2),
                filled(40, 3), filled(12, 4), filled(12, 5), filled(24, 6), filled(24, 7), filled(24, 8),
                filled(48, 9)));
        assertThrows(IllegalArgumentException.class, () -> new FortezzaKeys(filled(63, 1), filled(128, 2),
                filled(40, 3), filled(12, 4), filled(12, 5), filled(24, 6), filled(24, 7), filled(24, 8),
                filled(48, 9)));
    }

    @Test
    void serverFortezzaParamsIsExactly128Bytes() throws SslAlertException {
        byte[] rS = filled(128, 0x5a);
        assertArrayEquals(rS, ServerFortezzaParams.decode(new ServerFortezzaParams(rS).encode()).rS());
        for (byte[] body : new byte[][] {null, new byte[0], new byte[127], new byte[129]}) {
            SslAlertException e = assertThrows(SslAlertException.class, () -> ServerFortezzaParams.decode(body));
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
        }
    }
}
