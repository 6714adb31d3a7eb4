package io.sslkit.examples.camellia.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sslkit.api.spi.BulkCipher;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 3713 Appendix A: one plaintext block under a 128-, 192- and 256-bit key. Run through the module's CBC ciphers
 * with an all-zero IV, where the first CBC block is the bare block function.
 */
class CamelliaKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PLAINTEXT = HEX.parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] ZERO_IV = new byte[16];

    private static void assertKnownAnswer(BulkCipher cipher, String keyHex, String ciphertextHex) {
        byte[] key = HEX.parseHex(keyHex);
        byte[] expected = HEX.parseHex(ciphertextHex);
        byte[] ciphertext = new byte[16];
        cipher.newInstance(true, key, ZERO_IV).process(PLAINTEXT, 0, 16, ciphertext, 0);
        assertArrayEquals(expected, ciphertext, "encrypt");
        byte[] plaintext = new byte[16];
        cipher.newInstance(false, key, ZERO_IV).process(expected, 0, 16, plaintext, 0);
        assertArrayEquals(PLAINTEXT, plaintext, "decrypt");
    }

    @Test
    void rfc3713_128bitKey() {
        assertKnownAnswer(new Camellia128Cbc(), "0123456789abcdeffedcba9876543210",
                "67673138549669730857065648eabe43");
    }

    @Test
    void rfc3713_192bitKey() {
        // no TLS suite uses 192-bit Camellia; the vector still proves the shared code path with a third key schedule
        assertKnownAnswer(new CamelliaCbcCipher("CAMELLIA_192_CBC_TEST", 24) { },
                "0123456789abcdeffedcba98765432100011223344556677", "b4993401b3e996f84ee5cee7d79b09b9");
    }

    @Test
    void rfc3713_256bitKey() {
        assertKnownAnswer(new Camellia256Cbc(), "0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff",
                "9acc237dff16d76c20ef7c919e3a7509");
    }
}
