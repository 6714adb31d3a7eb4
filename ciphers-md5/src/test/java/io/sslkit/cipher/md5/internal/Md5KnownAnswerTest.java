package io.sslkit.cipher.md5.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Md5KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The whole test suite of RFC 1321 §A.5. */
    @ParameterizedTest
    @CsvSource({
        "'', d41d8cd98f00b204e9800998ecf8427e",
        "a, 0cc175b9c0f1b6a831c399e269772661",
        "abc, 900150983cd24fb0d6963f7d28e17f72",
        "message digest, f96b697d7cb7938d525a2f31aaf161d0",
        "abcdefghijklmnopqrstuvwxyz, c3fcd3d76192e4007dfb496cca67e13b",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789, d174ab98d277d9f5a5611c2c9f419d9f",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890, "
                + "57edf4a22be3c955ac49da2e2107b67a",
    })
    void rfc1321Suite(String message, String digest) {
        byte[] m = ascii(message);
        DigestInstance md = new Md5Digest().newInstance();
        md.update(m);
        assertArrayEquals(HEX.parseHex(digest), md.digest());

        // the same bytes one at a time, into a buffer at an offset: the record layer's MAC path
        for (byte b : m) {
            md.update(b);
        }
        byte[] out = new byte[3 + 16 + 2];
        md.digest(out, 3);
        assertArrayEquals(HEX.parseHex(digest), Arrays.copyOfRange(out, 3, 19));
        assertEquals(0, out[0] | out[1] | out[2] | out[19] | out[20]);
    }

    /** A transcript hash is copied mid-stream; the copy and the original must then run independently. */
    @Test
    void copyIsIndependentAndDigestResets() {
        DigestInstance md = new Md5Digest().newInstance();
        md.update(ascii("message "), 0, 8);
        DigestInstance copy = md.copy();
        md.update(ascii("digest"));
        assertArrayEquals(HEX.parseHex("f96b697d7cb7938d525a2f31aaf161d0"), md.digest());
        copy.update(ascii("xdigestx"), 1, 6);
        assertArrayEquals(HEX.parseHex("f96b697d7cb7938d525a2f31aaf161d0"), copy.digest());
        // digest() reset both: what follows is a fresh computation
        md.update(ascii("abc"));
        assertArrayEquals(HEX.parseHex("900150983cd24fb0d6963f7d28e17f72"), md.digest());
        copy.update(ascii("junk"));
        copy.reset();
        assertArrayEquals(HEX.parseHex("d41d8cd98f00b204e9800998ecf8427e"), copy.digest());
    }

    /** Instances come from one looked-up prototype: each must start fresh, whatever the others have seen. */
    @Test
    void newInstancesAreFreshAndIndependent() {
        Md5Digest digest = new Md5Digest();
        DigestInstance first = digest.newInstance();
        first.update(ascii("a"));
        DigestInstance second = digest.newInstance();
        second.update(ascii("abc"));
        assertArrayEquals(HEX.parseHex("900150983cd24fb0d6963f7d28e17f72"), second.digest());
        first.update(ascii("abc"), 1, 2);
        assertArrayEquals(HEX.parseHex("900150983cd24fb0d6963f7d28e17f72"), first.digest());
    }

    @Test
    void rejectsShortOutput() {
        DigestInstance md = new Md5Digest().newInstance();
        assertThrows(IllegalArgumentException.class, () -> md.digest(new byte[16], 1));
        assertThrows(IllegalArgumentException.class, () -> md.update(new byte[4], 2, 3));
    }

    @Test
    void parameters() {
        Digest d = new Md5Digest();
        assertEquals("MD5", d.name());
        assertEquals(16, d.length());
        assertEquals(64, d.blockLength());
        assertEquals(48, d.ssl3PadLength());
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(Md5Digest.class, registry.digest("MD5").orElseThrow());
    }
}
