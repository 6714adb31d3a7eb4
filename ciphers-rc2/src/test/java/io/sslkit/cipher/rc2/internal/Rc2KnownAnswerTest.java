package io.sslkit.cipher.rc2.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rc2KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_IV = new byte[8];

    /**
     * All eight vectors of RFC 2268 §5. They are single-block (ECB) values; a one-block CBC operation under a zero IV
     * is one RC2 block operation, so they run through {@link Rc2Cipher}, the class RC2_CBC_40 is built on.
     */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 63, 0000000000000000, ebb773f993278eff",
        "ffffffffffffffff, 64, ffffffffffffffff, 278b27e42e2f0d49",
        "3000000000000000, 64, 1000000000000001, 30649edf9be7d2c2",
        "88, 64, 0000000000000000, 61a8a244adacccf0",
        "88bca90e90875a, 64, 0000000000000000, 6ccf4308974c267f",
        "88bca90e90875a7f0f79c384627bafb2, 64, 0000000000000000, 1a807d272bbe5db1",
        "88bca90e90875a7f0f79c384627bafb2, 128, 0000000000000000, 2269552ab0f85ca6",
        "88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e, 129, 0000000000000000, 5b78d3a43dfff1f1",
    })
    void rfc2268Vectors(String key, int effectiveBits, String plaintext, String ciphertext) {
        byte[] k = HEX.parseHex(key);
        Rc2Cipher rc2 = new Rc2Cipher("RC2_TEST", k.length, k.length, false, effectiveBits);
        byte[] out = new byte[8];
        rc2.newInstance(true, k, ZERO_IV).process(HEX.parseHex(plaintext), 0, 8, out, 0);
        assertArrayEquals(HEX.parseHex(ciphertext), out, "encrypt");
        rc2.newInstance(false, k, ZERO_IV).process(HEX.parseHex(ciphertext), 0, 8, out, 0);
        assertArrayEquals(HEX.parseHex(plaintext), out, "decrypt");
    }

    /**
     * RC2_CBC_40 keyed with a 16-byte key is RC2 at 40 effective bits; the same key at 128 bits (RFC 2268 vector 7's
     * key) must give a different block, which shows the effective bits really reach the key schedule.
     */
    @Test
    void rc2Cbc40UsesFortyEffectiveBits() {
        byte[] key = HEX.parseHex("88bca90e90875a7f0f79c384627bafb2");
        byte[] zero = new byte[8];
        byte[] export = new byte[8];
        new Rc2Cbc40().newInstance(true, key, ZERO_IV).process(zero, 0, 8, export, 0);
        byte[] general = new byte[8];
        new Rc2Cipher("RC2_TEST", 16, 16, false, 40).newInstance(true, key, ZERO_IV).process(zero, 0, 8, general, 0);
        assertArrayEquals(general, export);
        assertFalse(Arrays.equals(HEX.parseHex("2269552ab0f85ca6"), export));
    }

    /**
     * CBC over several calls, checked against chaining done by hand from single-block operations of the same engine:
     * C[i] = E(P[i] xor C[i-1]), C[-1] = IV.
     */
    @Test
    void cbcChainingAcrossCalls() {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = HEX.parseHex("0011223344556677");
        byte[] plain = new byte[8 * 6];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 13 + 1);
        }
        byte[] expected = new byte[plain.length];
        byte[] chain = iv.clone();
        for (int block = 0; block < 6; block++) {
            byte[] x = new byte[8];
            for (int j = 0; j < 8; j++) {
                x[j] = (byte) (plain[block * 8 + j] ^ chain[j]);
            }
            new Rc2Cbc40().newInstance(true, key, ZERO_IV).process(x, 0, 8, chain, 0);
            System.arraycopy(chain, 0, expected, block * 8, 8);
        }

        CipherInstance enc = new Rc2Cbc40().newInstance(true, key, iv);
        byte[] out = new byte[plain.length];
        enc.process(plain, 0, 16, out, 0);
        enc.process(plain, 16, 32, out, 16);
        assertArrayEquals(expected, out);

        CipherInstance dec = new Rc2Cbc40().newInstance(false, key, iv);
        dec.process(out, 0, 24, out, 0);
        dec.process(out, 24, 24, out, 24);
        assertArrayEquals(plain, out);
    }

    @Test
    void parameters() {
        BulkCipher c = new Rc2Cbc40();
        assertEquals("RC2_CBC_40", c.name());
        assertEquals(BulkCipher.Type.BLOCK, c.type());
        assertEquals(5, c.keyMaterialLength());
        assertEquals(16, c.keyLength());
        assertEquals(8, c.ivLength());
        assertEquals(8, c.blockSize());
        assertTrue(c.exportable());
        assertEquals(40, c.effectiveKeyBits());
    }

    @Test
    void rejectsBadKeyIvAndLength() {
        BulkCipher c = new Rc2Cbc40();
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[5], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[16], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Rc2Cipher("X", 1, 129, false, 64));
        assertThrows(IllegalArgumentException.class, () -> new Rc2Cipher("X", 1, 1, false, 0));
        CipherInstance i = c.newInstance(true, new byte[16], ZERO_IV);
        assertThrows(IllegalArgumentException.class, () -> i.process(new byte[4], 0, 4, new byte[4], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> i.process(new byte[8], -8, 8, new byte[8], 0));
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(Rc2Cbc40.class, registry.bulkCipher("RC2_CBC_40").orElseThrow());
    }
}
