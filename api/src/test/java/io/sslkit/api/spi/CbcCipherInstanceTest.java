package io.sslkit.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CbcCipherInstanceTest {
    private static final HexFormat HEX = HexFormat.of();
    // NIST SP 800-38A F.2.1 / F.2.2, CBC-AES128
    private static final byte[] KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] IV = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] PLAINTEXT = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51");
    private static final byte[] CIPHERTEXT = HEX.parseHex("7649abac8119b246cee98e9b12e9197d"
            + "5086cb9b507219ee95db113a917678b2");

    /** AES as a raw block function, from the JDK's ECB mode, one block per call. */
    private static BlockFunction aes(boolean encrypt) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        return (in, inOffset, out, outOffset) -> {
            try {
                ecb.update(in, inOffset, 16, out, outOffset);
            } catch (ShortBufferException e) {
                throw new IllegalArgumentException(e);
            }
        };
    }

    @Test
    void sp800_38aVectors() throws Exception {
        byte[] out = new byte[32];
        new CbcCipherInstance(aes(true), 16, true, IV).process(PLAINTEXT, 0, 32, out, 0);
        assertArrayEquals(CIPHERTEXT, out);
        new CbcCipherInstance(aes(false), 16, false, IV).process(CIPHERTEXT, 0, 32, out, 0);
        assertArrayEquals(PLAINTEXT, out);
    }

    @Test
    void chainingCarriesOverBetweenCallsAndInPlaceWorks() throws Exception {
        CipherInstance enc = new CbcCipherInstance(aes(true), 16, true, IV);
        byte[] buffer = PLAINTEXT.clone();
        enc.process(buffer, 0, 16, buffer, 0);
        enc.process(buffer, 16, 16, buffer, 16);
        assertArrayEquals(CIPHERTEXT, buffer);
        CipherInstance dec = new CbcCipherInstance(aes(false), 16, false, IV);
        dec.process(buffer, 0, 16, buffer, 0);
        dec.process(buffer, 16, 16, buffer, 16);
        assertArrayEquals(PLAINTEXT, buffer);
    }

    @Test
    void agreesWithJceCbcAtOffsets() throws Exception {
        byte[] data = new byte[16 * 37];
        new Random(7).nextBytes(data);
        Cipher jce = Cipher.getInstance("AES/CBC/NoPadding");
        jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(IV));
        byte[] expected = jce.doFinal(data);
        byte[] out = new byte[data.length + 5];
        new CbcCipherInstance(aes(true), 16, true, IV).process(data, 0, data.length, out, 5);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(out, 5, out.length));
        byte[] back = new byte[data.length + 3];
        System.arraycopy(expected, 0, back, 3, expected.length);
        new CbcCipherInstance(aes(false), 16, false, IV).process(back, 3, expected.length, back, 3);
        assertArrayEquals(data, java.util.Arrays.copyOfRange(back, 3, back.length));
    }

    @Test
    void theIvIsCopied() throws Exception {
        byte[] iv = IV.clone();
        CipherInstance enc = new CbcCipherInstance(aes(true), 16, true, iv);
        iv[0] ^= 1;
        byte[] out = new byte[32];
        enc.process(PLAINTEXT, 0, 32, out, 0);
        assertArrayEquals(CIPHERTEXT, out);
    }

    @Test
    void rejectsBadArguments() throws Exception {
        BlockFunction f = aes(true);
        assertThrows(IllegalArgumentException.class, () -> new CbcCipherInstance(f, 16, true, new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> new CbcCipherInstance(f, 16, true, null));
        assertThrows(IllegalArgumentException.class, () -> new CbcCipherInstance(f, 0, true, new byte[0]));
        assertThrows(NullPointerException.class, () -> new CbcCipherInstance(null, 16, true, IV));
        CipherInstance c = new CbcCipherInstance(f, 16, true, IV);
        assertThrows(IllegalArgumentException.class, () -> c.process(new byte[24], 0, 24, new byte[24], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[32], 16, 32, new byte[32], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[32], 0, 32, new byte[16], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.process(new byte[16], -16, 16, new byte[16], 0));
    }
}
