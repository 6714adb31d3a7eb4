package io.sslkit.cipher.des.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DES known answers. A one-block CBC encryption under an all-zero IV is exactly one DES block encryption, so the
 * single-block (ECB) vectors of NIST SP 800-17 and FIPS 81 are checked through the same CBC instance the record
 * layer uses.
 */
class DesKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_IV = new byte[8];

    private static byte[] run(BulkCipher cipher, boolean encrypt, String key, byte[] iv, byte[] input) {
        byte[] out = new byte[input.length];
        cipher.newInstance(encrypt, HEX.parseHex(key), iv).process(input, 0, input.length, out, 0);
        return out;
    }

    /** SP 800-17 Table B.1 (variable plaintext), Table A.2 (variable key), and the FIPS 81 ECB example. */
    @ParameterizedTest
    @CsvSource({
        "0101010101010101, 8000000000000000, 95f8a5e5dd31d900",
        "0101010101010101, 4000000000000000, dd7f121ca5015619",
        "0101010101010101, 2000000000000000, 2e8653104f3834ea",
        "8001010101010101, 0000000000000000, 95a8d72813daa94d",
        "4001010101010101, 0000000000000000, 0eec1487dd8c26d5",
        "2001010101010101, 0000000000000000, 7ad16ffb79c45926",
        "0123456789abcdef, 4e6f772069732074, 3fa40e8a984d4815",
    })
    void singleBlockVectors(String key, String plaintext, String ciphertext) {
        assertArrayEquals(HEX.parseHex(ciphertext), run(new DesCbc(), true, key, ZERO_IV, HEX.parseHex(plaintext)));
        assertArrayEquals(HEX.parseHex(plaintext), run(new DesCbc(), false, key, ZERO_IV, HEX.parseHex(ciphertext)));
    }

    private static final String FIPS81_KEY = "0123456789abcdef";
    private static final byte[] FIPS81_IV = HEX.parseHex("1234567890abcdef");
    private static final byte[] FIPS81_PLAIN = "Now is the time for all ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIPS81_CBC = HEX.parseHex("e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6");

    /** FIPS 81 Appendix C, the CBC example. */
    @Test
    void fips81CbcExample() {
        assertArrayEquals(FIPS81_CBC, run(new DesCbc(), true, FIPS81_KEY, FIPS81_IV, FIPS81_PLAIN));
        assertArrayEquals(FIPS81_PLAIN, run(new DesCbc(), false, FIPS81_KEY, FIPS81_IV, FIPS81_CBC));
    }

    /** The record layer hands over one record at a time: the chaining value must survive between calls. */
    @Test
    void chainingCarriesAcrossCalls() {
        CipherInstance enc = new DesCbc().newInstance(true, HEX.parseHex(FIPS81_KEY), FIPS81_IV);
        byte[] out = new byte[24];
        enc.process(FIPS81_PLAIN, 0, 8, out, 0);
        enc.process(FIPS81_PLAIN, 8, 16, out, 8);
        assertArrayEquals(FIPS81_CBC, out);

        CipherInstance dec = new DesCbc().newInstance(false, HEX.parseHex(FIPS81_KEY), FIPS81_IV);
        byte[] back = new byte[24];
        dec.process(FIPS81_CBC, 0, 16, back, 0);
        dec.process(FIPS81_CBC, 16, 8, back, 16);
        assertArrayEquals(FIPS81_PLAIN, back);
    }

    @Test
    void inPlaceAtAnOffset() {
        byte[] buf = new byte[5 + 24 + 3];
        System.arraycopy(FIPS81_PLAIN, 0, buf, 5, 24);
        new DesCbc().newInstance(true, HEX.parseHex(FIPS81_KEY), FIPS81_IV).process(buf, 5, 24, buf, 5);
        assertArrayEquals(FIPS81_CBC, Arrays.copyOfRange(buf, 5, 29));
        new DesCbc().newInstance(false, HEX.parseHex(FIPS81_KEY), FIPS81_IV).process(buf, 5, 24, buf, 5);
        assertArrayEquals(FIPS81_PLAIN, Arrays.copyOfRange(buf, 5, 29));
    }

    /** DES40_CBC is keyed with the 8 expanded bytes and then is plain DES-CBC. */
    @Test
    void des40UsesTheExpandedKeyAsDes() {
        assertArrayEquals(FIPS81_CBC, run(new Des40Cbc(), true, FIPS81_KEY, FIPS81_IV, FIPS81_PLAIN));
    }

    @Test
    void parameters() {
        BulkCipher des = new DesCbc();
        assertEquals("DES_CBC", des.name());
        assertEquals(BulkCipher.Type.BLOCK, des.type());
        assertEquals(8, des.keyMaterialLength());
        assertEquals(8, des.keyLength());
        assertEquals(8, des.ivLength());
        assertEquals(8, des.blockSize());
        assertFalse(des.exportable());
        assertEquals(56, des.effectiveKeyBits());

        BulkCipher des40 = new Des40Cbc();
        assertEquals("DES40_CBC", des40.name());
        assertEquals(BulkCipher.Type.BLOCK, des40.type());
        assertEquals(5, des40.keyMaterialLength());
        assertEquals(8, des40.keyLength());
        assertEquals(8, des40.ivLength());
        assertEquals(8, des40.blockSize());
        assertTrue(des40.exportable());
        assertEquals(40, des40.effectiveKeyBits());
    }

    @Test
    void rejectsBadKeyIvAndLength() {
        BulkCipher des = new DesCbc();
        assertThrows(IllegalArgumentException.class, () -> des.newInstance(true, new byte[7], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> new Des40Cbc().newInstance(true, new byte[5], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> des.newInstance(true, new byte[8], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> des.newInstance(true, new byte[8], null));
        CipherInstance c = des.newInstance(true, new byte[8], ZERO_IV);
        assertThrows(IllegalArgumentException.class, () -> c.process(new byte[12], 0, 12, new byte[12], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[16], 8, 16, new byte[16], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[16], 0, 16, new byte[8], 0));
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(DesCbc.class, registry.bulkCipher("DES_CBC").orElseThrow());
        assertInstanceOf(Des40Cbc.class, registry.bulkCipher("DES40_CBC").orElseThrow());
    }
}
