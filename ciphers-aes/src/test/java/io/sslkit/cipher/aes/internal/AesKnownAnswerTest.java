package io.sslkit.cipher.aes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_IV = new byte[16];

    /** NIST SP 800-38A Appendix F.2: the IV and the four plaintext blocks shared by all CBC examples. */
    private static final byte[] SP800_38A_IV = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SP800_38A_PLAIN = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51" + "30c81c46a35ce411e5fbc1191a0a52ef"
            + "f69f2445df4f9b17ad2b417be66c3710");

    private static BulkCipher byName(String name) {
        return switch (name) {
            case "AES_128_CBC" -> new Aes128Cbc();
            case "AES_256_CBC" -> new Aes256Cbc();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** FIPS 197 Appendix C.1 and C.3, as one-block CBC under a zero IV (which is one AES block operation). */
    @ParameterizedTest
    @CsvSource({
        "AES_128_CBC, 000102030405060708090a0b0c0d0e0f, 69c4e0d86a7b0430d8cdb78070b4c55a",
        "AES_256_CBC, 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f, "
                + "8ea2b7ca516745bfeafc49904b496089",
    })
    void fips197Examples(String cipher, String key, String ciphertext) {
        byte[] plain = HEX.parseHex("00112233445566778899aabbccddeeff");
        byte[] out = new byte[16];
        byName(cipher).newInstance(true, HEX.parseHex(key), ZERO_IV).process(plain, 0, 16, out, 0);
        assertArrayEquals(HEX.parseHex(ciphertext), out);
        byName(cipher).newInstance(false, HEX.parseHex(key), ZERO_IV).process(out, 0, 16, out, 0);
        assertArrayEquals(plain, out);
    }

    /**
     * SP 800-38A F.2.1/F.2.2 (CBC-AES128) and F.2.5/F.2.6 (CBC-AES256), fed one block per call so that the chaining
     * value has to survive between calls, once into a separate buffer and once in place.
     */
    @ParameterizedTest
    @CsvSource({
        "AES_128_CBC, 2b7e151628aed2a6abf7158809cf4f3c, 7649abac8119b246cee98e9b12e9197d"
                + "5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7",
        "AES_256_CBC, 603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4, "
                + "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
                + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b",
    })
    void sp800_38aCbcVectors(String cipher, String key, String ciphertext) {
        byte[] k = HEX.parseHex(key);
        byte[] expected = HEX.parseHex(ciphertext);

        CipherInstance enc = byName(cipher).newInstance(true, k, SP800_38A_IV);
        byte[] out = new byte[64];
        for (int block = 0; block < 4; block++) {
            enc.process(SP800_38A_PLAIN, block * 16, 16, out, block * 16);
        }
        assertArrayEquals(expected, out);

        CipherInstance dec = byName(cipher).newInstance(false, k, SP800_38A_IV);
        byte[] buf = new byte[3 + 64];
        System.arraycopy(expected, 0, buf, 3, 64);
        dec.process(buf, 3, 32, buf, 3);
        dec.process(buf, 3 + 32, 32, buf, 3 + 32);
        assertArrayEquals(SP800_38A_PLAIN, Arrays.copyOfRange(buf, 3, 67));
    }

    /**
     * A full-size record (longer than the staging buffer, not a multiple of it) in place, then a second record on the
     * same instances: it must equal the same stream processed out of place.
     */
    @Test
    void largeRecordsInPlaceMatchOutOfPlace() {
        byte[] key = HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        byte[] plain = new byte[16384 + 2048 + 48];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 7 + (i >>> 8));
        }
        int first = 16384 + 32;
        CipherInstance reference = new Aes256Cbc().newInstance(true, key, SP800_38A_IV);
        byte[] expected = new byte[plain.length];
        reference.process(plain, 0, first, expected, 0);
        reference.process(plain, first, plain.length - first, expected, first);

        CipherInstance enc = new Aes256Cbc().newInstance(true, key, SP800_38A_IV);
        byte[] buf = plain.clone();
        enc.process(buf, 0, first, buf, 0);
        enc.process(buf, first, plain.length - first, buf, first);
        assertArrayEquals(expected, buf);

        CipherInstance dec = new Aes256Cbc().newInstance(false, key, SP800_38A_IV);
        dec.process(buf, 0, first, buf, 0);
        dec.process(buf, first, plain.length - first, buf, first);
        assertArrayEquals(plain, buf);
    }

    /** Overlapping but shifted ranges are outside the SPI's promise, yet must still come out right. */
    @Test
    void shiftedOverlapStillCorrect() {
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] expected = HEX.parseHex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
        byte[] forward = new byte[64 + 16];
        System.arraycopy(SP800_38A_PLAIN, 0, forward, 0, 64);
        new Aes128Cbc().newInstance(true, key, SP800_38A_IV).process(forward, 0, 64, forward, 16);
        assertArrayEquals(expected, Arrays.copyOfRange(forward, 16, 80));

        byte[] backward = new byte[64 + 16];
        System.arraycopy(SP800_38A_PLAIN, 0, backward, 16, 64);
        new Aes128Cbc().newInstance(true, key, SP800_38A_IV).process(backward, 16, 64, backward, 0);
        assertArrayEquals(expected, Arrays.copyOfRange(backward, 0, 64));
    }

    /** The record layer calls process per record; in place it must not allocate (the JCE alone would copy). */
    @Test
    void inPlaceProcessingDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CipherInstance dec = new Aes128Cbc().newInstance(false, new byte[16], ZERO_IV);
        byte[] record = new byte[16384];
        for (int i = 0; i < 200; i++) {
            dec.process(record, 0, record.length, record, 0);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200; i++) {
            dec.process(record, 0, record.length, record, 0);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16384, "allocated " + allocated + " bytes over 200 records");
    }

    @Test
    void parameters() {
        BulkCipher a128 = new Aes128Cbc();
        assertEquals("AES_128_CBC", a128.name());
        assertEquals(BulkCipher.Type.BLOCK, a128.type());
        assertEquals(16, a128.keyMaterialLength());
        assertEquals(16, a128.keyLength());
        assertEquals(16, a128.ivLength());
        assertEquals(16, a128.blockSize());
        assertFalse(a128.exportable());
        assertEquals(128, a128.effectiveKeyBits());

        BulkCipher a256 = new Aes256Cbc();
        assertEquals("AES_256_CBC", a256.name());
        assertEquals(BulkCipher.Type.BLOCK, a256.type());
        assertEquals(32, a256.keyMaterialLength());
        assertEquals(32, a256.keyLength());
        assertEquals(16, a256.ivLength());
        assertEquals(16, a256.blockSize());
        assertFalse(a256.exportable());
        assertEquals(256, a256.effectiveKeyBits());
    }

    @Test
    void rejectsBadKeyIvAndLength() {
        assertThrows(IllegalArgumentException.class, () -> new Aes128Cbc().newInstance(true, new byte[32], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> new Aes256Cbc().newInstance(true, new byte[16], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> new Aes128Cbc().newInstance(true, new byte[16], new byte[8]));
        CipherInstance c = new Aes128Cbc().newInstance(true, new byte[16], ZERO_IV);
        assertThrows(IllegalArgumentException.class, () -> c.process(new byte[24], 0, 24, new byte[24], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[32], 16, 32, new byte[32], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[32], 0, 32, new byte[16], 0));
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(Aes128Cbc.class, registry.bulkCipher("AES_128_CBC").orElseThrow());
        assertInstanceOf(Aes256Cbc.class, registry.bulkCipher("AES_256_CBC").orElseThrow());
    }
}
