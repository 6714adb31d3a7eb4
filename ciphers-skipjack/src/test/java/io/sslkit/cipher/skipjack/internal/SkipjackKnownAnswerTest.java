package io.sslkit.cipher.skipjack.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SkipjackKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_IV = new byte[8];
    private static final byte[] NIST_KEY = HEX.parseHex("00998877665544332211");

    /**
     * The test vector of the NIST SKIPJACK specification v2.0. It is a single-block value; a one-block CBC operation
     * under a zero IV is one SKIPJACK block operation.
     */
    @Test
    void nistSpecificationVector() {
        byte[] plain = HEX.parseHex("33221100ddccbbaa");
        byte[] cipher = HEX.parseHex("2587cae27a12d300");
        byte[] out = new byte[8];
        new SkipjackCbc().newInstance(true, NIST_KEY, ZERO_IV).process(plain, 0, 8, out, 0);
        assertArrayEquals(cipher, out);
        new SkipjackCbc().newInstance(false, NIST_KEY, ZERO_IV).process(cipher, 0, 8, out, 0);
        assertArrayEquals(plain, out);
    }

    /**
     * CBC over several calls, in place, checked against chaining done by hand from single-block operations:
     * C[i] = E(P[i] xor C[i-1]), C[-1] = IV; then decrypted back.
     */
    @Test
    void cbcChainingAcrossCallsInPlace() {
        byte[] iv = HEX.parseHex("0102030405060708");
        byte[] plain = new byte[8 * 5];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 29 + 3);
        }
        byte[] expected = new byte[plain.length];
        byte[] chain = iv.clone();
        for (int block = 0; block < 5; block++) {
            byte[] x = new byte[8];
            for (int j = 0; j < 8; j++) {
                x[j] = (byte) (plain[block * 8 + j] ^ chain[j]);
            }
            new SkipjackCbc().newInstance(true, NIST_KEY, ZERO_IV).process(x, 0, 8, chain, 0);
            System.arraycopy(chain, 0, expected, block * 8, 8);
        }

        byte[] buf = plain.clone();
        CipherInstance enc = new SkipjackCbc().newInstance(true, NIST_KEY, iv);
        enc.process(buf, 0, 8, buf, 0);
        enc.process(buf, 8, 32, buf, 8);
        assertArrayEquals(expected, buf);

        CipherInstance dec = new SkipjackCbc().newInstance(false, NIST_KEY, iv);
        dec.process(buf, 0, 24, buf, 0);
        dec.process(buf, 24, 16, buf, 24);
        assertArrayEquals(plain, buf);
    }

    @Test
    void parameters() {
        BulkCipher c = new SkipjackCbc();
        assertEquals("SKIPJACK_CBC", c.name());
        assertEquals(BulkCipher.Type.BLOCK, c.type());
        assertEquals(10, c.keyMaterialLength());
        assertEquals(10, c.keyLength());
        assertEquals(8, c.ivLength());
        assertEquals(8, c.blockSize());
        assertFalse(c.exportable());
        assertEquals(80, c.effectiveKeyBits());
    }

    @Test
    void rejectsBadKeyIvAndLength() {
        BulkCipher c = new SkipjackCbc();
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[8], ZERO_IV));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, NIST_KEY, new byte[10]));
        CipherInstance i = c.newInstance(true, NIST_KEY, ZERO_IV);
        assertThrows(IllegalArgumentException.class, () -> i.process(new byte[10], 0, 10, new byte[10], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> i.process(new byte[16], 0, 16, new byte[16], 8));
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(SkipjackCbc.class, registry.bulkCipher("SKIPJACK_CBC").orElseThrow());
    }
}
