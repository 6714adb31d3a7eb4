package io.sslkit.examples.camellia.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CBC chaining across process() calls, in-place operation, the advertised sizes and the argument checks. */
class CamelliaCbcTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY_128 = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_256 =
            HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] IV = HEX.parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** CBC built by hand from the block function (a zero-IV single block): C[i] = E(P[i] xor C[i-1]), C[-1] = IV. */
    private static byte[] referenceCbcEncrypt(BulkCipher cipher, byte[] key, byte[] iv, byte[] plaintext) {
        byte[] out = new byte[plaintext.length];
        byte[] chain = iv.clone();
        byte[] block = new byte[16];
        for (int off = 0; off < plaintext.length; off += 16) {
            for (int i = 0; i < 16; i++) {
                block[i] = (byte) (plaintext[off + i] ^ chain[i]);
            }
            cipher.newInstance(true, key, new byte[16]).process(block, 0, 16, out, off);
            chain = Arrays.copyOfRange(out, off, off + 16);
        }
        return out;
    }

    private static void assertChainsAcrossCalls(BulkCipher cipher, byte[] key) {
        byte[] plaintext = randomBytes(16 * 7, 42);
        byte[] expected = referenceCbcEncrypt(cipher, key, IV, plaintext);

        // the chaining value of one record must carry into the next: encrypt in pieces of 1, 4 and 2 blocks
        CipherInstance enc = cipher.newInstance(true, key, IV);
        byte[] ciphertext = new byte[plaintext.length];
        enc.process(plaintext, 0, 16, ciphertext, 0);
        enc.process(plaintext, 16, 64, ciphertext, 16);
        enc.process(plaintext, 80, 32, ciphertext, 80);
        assertArrayEquals(expected, ciphertext);

        // decrypt in place, split differently from the encryption
        CipherInstance dec = cipher.newInstance(false, key, IV);
        byte[] buffer = ciphertext.clone();
        dec.process(buffer, 0, 48, buffer, 0);
        dec.process(buffer, 48, 16, buffer, 48);
        dec.process(buffer, 64, 48, buffer, 64);
        assertArrayEquals(plaintext, buffer);
    }

    @Test
    void camellia128ChainsAcrossProcessCalls() {
        assertChainsAcrossCalls(new Camellia128Cbc(), KEY_128);
    }

    @Test
    void camellia256ChainsAcrossProcessCalls() {
        assertChainsAcrossCalls(new Camellia256Cbc(), KEY_256);
    }

    @Test
    void encryptsInPlaceAndAtOffsets() {
        BulkCipher cipher = new Camellia128Cbc();
        byte[] plaintext = randomBytes(48, 7);
        byte[] expected = referenceCbcEncrypt(cipher, KEY_128, IV, plaintext);
        byte[] record = new byte[5 + 48 + 3];
        System.arraycopy(plaintext, 0, record, 5, 48);
        cipher.newInstance(true, KEY_128, IV).process(record, 5, 48, record, 5);
        assertArrayEquals(expected, Arrays.copyOfRange(record, 5, 53));
    }

    @Test
    void sameKeyDifferentIvGivesDifferentCiphertext() {
        BulkCipher cipher = new Camellia128Cbc();
        byte[] plaintext = randomBytes(32, 9);
        byte[] otherIv = IV.clone();
        otherIv[15] ^= 1;
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        cipher.newInstance(true, KEY_128, IV).process(plaintext, 0, 32, a, 0);
        cipher.newInstance(true, KEY_128, otherIv).process(plaintext, 0, 32, b, 0);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void advertisesTheSizesOfRfc5932() {
        BulkCipher c128 = new Camellia128Cbc();
        assertEquals("CAMELLIA_128_CBC", c128.name());
        assertEquals(BulkCipher.Type.BLOCK, c128.type());
        assertEquals(16, c128.keyMaterialLength());
        assertEquals(16, c128.keyLength());
        assertEquals(16, c128.ivLength());
        assertEquals(16, c128.blockSize());
        assertEquals(128, c128.effectiveKeyBits());
        assertFalse(c128.exportable());

        BulkCipher c256 = new Camellia256Cbc();
        assertEquals("CAMELLIA_256_CBC", c256.name());
        assertEquals(BulkCipher.Type.BLOCK, c256.type());
        assertEquals(32, c256.keyMaterialLength());
        assertEquals(32, c256.keyLength());
        assertEquals(16, c256.ivLength());
        assertEquals(16, c256.blockSize());
        assertEquals(256, c256.effectiveKeyBits());
        assertFalse(c256.exportable());
    }

    @Test
    void rejectsWrongKeyAndIvLengths() {
        BulkCipher c128 = new Camellia128Cbc();
        assertThrows(IllegalArgumentException.class, () -> c128.newInstance(true, KEY_256, IV));
        assertThrows(IllegalArgumentException.class, () -> c128.newInstance(true, null, IV));
        assertThrows(IllegalArgumentException.class, () -> c128.newInstance(true, KEY_128, new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> c128.newInstance(false, KEY_128, null));
        assertThrows(IllegalArgumentException.class, () -> new Camellia256Cbc().newInstance(true, KEY_128, IV));
    }

    @Test
    void rejectsPartialBlocksAndOutOfRangeBuffers() {
        CipherInstance enc = new Camellia128Cbc().newInstance(true, KEY_128, IV);
        byte[] buffer = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> enc.process(buffer, 0, 15, buffer, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> enc.process(buffer, 32, 16, buffer, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> enc.process(buffer, 0, 32, new byte[16], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> enc.process(buffer, -16, 16, buffer, 0));
    }
}
