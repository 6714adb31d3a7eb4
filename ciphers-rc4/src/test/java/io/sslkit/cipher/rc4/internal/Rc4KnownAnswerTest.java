package io.sslkit.cipher.rc4.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sslkit.api.spi.CipherInstance;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 6229 §2 test vectors: the key stream at offsets 0 and 16 for a 40-bit and a 128-bit key. */
class Rc4KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] keyStream(byte[] key, int length) {
        CipherInstance c = new Rc4Cipher128Like(key.length).newInstance(true, key, null);
        byte[] zeros = new byte[length];
        byte[] out = new byte[length];
        c.process(zeros, 0, length, out, 0);
        return out;
    }

    @Test
    void rfc6229_40bitKey() {
        byte[] ks = keyStream(HEX.parseHex("0102030405"), 32);
        assertArrayEquals(HEX.parseHex("b2396305f03dc027ccc3524a0a1118a8" + "6982944f18fc82d589c403a47a0d0919"), ks);
    }

    @Test
    void rfc6229_128bitKey() {
        byte[] ks = keyStream(HEX.parseHex("0102030405060708090a0b0c0d0e0f10"), 32);
        assertArrayEquals(HEX.parseHex("9ac7cc9a609d1ef7b2932899cde41b97" + "5248c4959014126a6e8a84f11d1a9e1c"), ks);
    }

    @Test
    void rc4_128RoundTrip() {
        byte[] key = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
        byte[] msg = "attack at dawn".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] ct = new byte[msg.length];
        new Rc4Cipher128().newInstance(true, key, null).process(msg, 0, msg.length, ct, 0);
        byte[] pt = new byte[msg.length];
        new Rc4Cipher128().newInstance(false, key, null).process(ct, 0, ct.length, pt, 0);
        assertArrayEquals(msg, pt);
    }

    /** RFC 6229 keys of any length, through the same code path as the modules' ciphers. */
    private static final class Rc4Cipher128Like extends Rc4Cipher {
        Rc4Cipher128Like(int keyLength) {
            super("RC4_TEST", keyLength, keyLength, false, keyLength * 8);
        }
    }
}
