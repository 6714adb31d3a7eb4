package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The software token's formats, as the README documents them. */
class FortezzaTokenTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The TEK of the first corrected Annex III key-formation vector, so the inputs are published numbers. */
    private static final byte[] TEK = HEX.parseHex("24c90cb05d668b2724d6");
    private static final byte[] KEY = HEX.parseHex("00998877665544332211");

    @Test
    void wrapIsTwelveBytesAndRoundTrips() throws SslAlertException {
        FortezzaToken token = new FortezzaToken(TEK);
        byte[] wrapped = token.wrap(KEY);
        assertEquals(12, wrapped.length);
        assertArrayEquals(KEY, token.unwrap("k", wrapped));
        assertArrayEquals(wrapped, new FortezzaToken(TEK).wrap(KEY), "a wrap depends on TEK and key only");
    }

    @Test
    void everySingleBitChangeOfAWrappedKeyIsDetected() {
        FortezzaToken token = new FortezzaToken(TEK);
        byte[] wrapped = token.wrap(KEY);
        for (int bit = 0; bit < 96; bit++) {
            byte[] changed = wrapped.clone();
            changed[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            SslAlertException e = assertThrows(SslAlertException.class, () -> token.unwrap("k", changed),
                    "bit " + bit);
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        }
    }

    @Test
    void anotherTekCannotUnwrap() {
        byte[] wrapped = new FortezzaToken(TEK).wrap(KEY);
        FortezzaToken other = new FortezzaToken(HEX.parseHex("fee778a838a601cdfb88"));
        SslAlertException e = assertThrows(SslAlertException.class, () -> other.unwrap("k", wrapped));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
    }

    @Test
    void wrappedKeysOfTheWrongLengthAreIllegal() {
        FortezzaToken token = new FortezzaToken(TEK);
        for (int length : new int[] {0, 11, 13}) {
            SslAlertException e = assertThrows(SslAlertException.class, () -> token.unwrap("k", new byte[length]));
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
        }
        assertThrows(IllegalArgumentException.class, () -> token.wrap(new byte[9]));
        assertThrows(IllegalArgumentException.class, () -> new FortezzaToken(new byte[8]));
    }

    @Test
    void ivLayoutIsSixteenReservedZerosThenTheCbcIv() throws SslAlertException {
        byte[] iv = FortezzaToken.generateIv(TestExchangeContext.RANDOM);
        assertEquals(24, iv.length);
        assertArrayEquals(new byte[16], Arrays.copyOf(iv, 16));
        assertArrayEquals(Arrays.copyOfRange(iv, 16, 24), FortezzaToken.cbcIv("iv", iv));
        for (int i = 0; i < 16; i++) {
            byte[] bad = iv.clone();
            bad[i] = (byte) 0x80;
            SslAlertException e = assertThrows(SslAlertException.class, () -> FortezzaToken.cbcIv("iv", bad));
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
        }
        assertThrows(SslAlertException.class, () -> FortezzaToken.cbcIv("iv", new byte[23]));
    }

    @Test
    void preMasterSecretIsSkipjackCbcUnderTheTek() {
        FortezzaToken token = new FortezzaToken(TEK);
        byte[] secret = new byte[48];
        TestExchangeContext.RANDOM.nextBytes(secret);
        byte[] iv = HEX.parseHex("0102030405060708");
        byte[] encrypted = token.encryptPreMasterSecret(secret, iv);
        assertArrayEquals(FortezzaKeyExchangeTest.cbc(true, TEK, iv, secret), encrypted);
        assertArrayEquals(secret, token.decryptPreMasterSecret(encrypted, iv));
        assertThrows(IllegalArgumentException.class, () -> token.encryptPreMasterSecret(new byte[47], iv));
    }

    @Test
    void aDestroyedTokenNoLongerHoldsTheTek() throws SslAlertException {
        FortezzaToken token = new FortezzaToken(TEK);
        byte[] wrapped = token.wrap(KEY);
        token.destroy();
        assertThrows(SslAlertException.class, () -> token.unwrap("k", wrapped));
    }
}
