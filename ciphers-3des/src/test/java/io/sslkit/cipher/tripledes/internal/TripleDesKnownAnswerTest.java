package io.sslkit.cipher.tripledes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TripleDesKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_IV = new byte[8];

    /** NIST SP 800-67 Rev. 1 Appendix B: Key1 || Key2 || Key3, three-key TDEA. */
    private static final byte[] SP800_67_KEY =
            HEX.parseHex("0123456789abcdef" + "23456789abcdef01" + "456789abcdef0123");
    private static final byte[] SP800_67_PLAIN = "The qufck brown fox jump".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SP800_67_CIPHER =
            HEX.parseHex("a826fd8ce53b855f" + "cce21c8112256fe6" + "68d5c05dd9b6b900");

    /**
     * The SP 800-67 example is in ECB form; a one-block CBC operation under a zero IV is one TDEA block operation, so
     * each block is checked through a fresh CBC instance, the code path the record layer uses.
     */
    @Test
    void sp800_67Example() {
        for (int block = 0; block < 3; block++) {
            byte[] plain = Arrays.copyOfRange(SP800_67_PLAIN, block * 8, block * 8 + 8);
            byte[] cipher = Arrays.copyOfRange(SP800_67_CIPHER, block * 8, block * 8 + 8);
            byte[] out = new byte[8];
            new TripleDesEdeCbc().newInstance(true, SP800_67_KEY, ZERO_IV).process(plain, 0, 8, out, 0);
            assertArrayEquals(cipher, out, "encrypt block " + block);
            new TripleDesEdeCbc().newInstance(false, SP800_67_KEY, ZERO_IV).process(cipher, 0, 8, out, 0);
            assertArrayEquals(plain, out, "decrypt block " + block);
        }
    }

    /**
     * Chaining over several calls, checked against the JDK's independent DESede/CBC implementation (SunJCE) on a
     * message of many blocks.
     */
    @Test
    void cbcChainingAcrossCallsMatchesTheJdk() throws Exception {
        byte[] iv = HEX.parseHex("1234567890abcdef");
        byte[] plain = new byte[8 * 37];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 31 + 7);
        }
        Cipher jdk = Cipher.getInstance("DESede/CBC/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(SP800_67_KEY, "DESede"), new IvParameterSpec(iv));
        byte[] expected = jdk.doFinal(plain);

        CipherInstance enc = new TripleDesEdeCbc().newInstance(true, SP800_67_KEY, iv);
        byte[] out = new byte[plain.length];
        enc.process(plain, 0, 8, out, 0);
        enc.process(plain, 8, 8 * 20, out, 8);
        enc.process(plain, 8 * 21, 8 * 16, out, 8 * 21);
        assertArrayEquals(expected, out);

        CipherInstance dec = new TripleDesEdeCbc().newInstance(false, SP800_67_KEY, iv);
        byte[] buf = out.clone();
        dec.process(buf, 0, 8 * 30, buf, 0);
        dec.process(buf, 8 * 30, 8 * 7, buf, 8 * 30);
        assertArrayEquals(plain, buf);
    }

    @Test
    void parameters() {
        BulkCipher c = new TripleDesEdeCbc();
        assertEquals("3DES_EDE_CBC", c.name());
        assertEquals(BulkCipher.Type.BLOCK, c.type());
        assertEquals(24, c.keyMaterialLength());
        assertEquals(24, c.keyLength());
        assertEquals(8, c.ivLength());
        assertEquals(8, c.blockSize());
        assertFalse(c.exportable());
        assertEquals(112, c.effectiveKeyBits());
    }

    @Test
    void rejectsBadKeyIvAndLength() {
        BulkCipher c = new TripleDesEdeCbc();
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[16], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, SP800_67_KEY, new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, null, ZERO_IV));
        CipherInstance i = c.newInstance(true, SP800_67_KEY, ZERO_IV);
        assertThrows(IllegalArgumentException.class, () -> i.process(new byte[9], 0, 9, new byte[9], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> i.process(new byte[8], 0, 16, new byte[16], 0));
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(TripleDesEdeCbc.class, registry.bulkCipher("3DES_EDE_CBC").orElseThrow());
    }
}
