package io.sslkit.cipher.sha1.internal;

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

/** The examples of FIPS 180 (SHA-1): one block, two blocks, one million 'a'. */
class Sha1KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ABC = ascii("abc");
    private static final byte[] ABC_SHA1 = HEX.parseHex("a9993e364706816aba3e25717850c26c9cd0d89d");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void oneBlockMessage() {
        DigestInstance md = new Sha1Digest().newInstance();
        md.update(ABC);
        assertArrayEquals(ABC_SHA1, md.digest());
    }

    @Test
    void twoBlockMessage() {
        DigestInstance md = new Sha1Digest().newInstance();
        byte[] m = ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        for (byte b : m) {
            md.update(b);
        }
        byte[] out = new byte[20 + 4];
        md.digest(out, 4);
        assertArrayEquals(HEX.parseHex("84983e441c3bd26ebaae4aa1f95129e5e54670f1"), Arrays.copyOfRange(out, 4, 24));
    }

    /** Fed in uneven pieces so that updates straddle block boundaries. */
    @Test
    void millionA() {
        DigestInstance md = new Sha1Digest().newInstance();
        byte[] a = new byte[997];
        Arrays.fill(a, (byte) 'a');
        int left = 1_000_000;
        while (left > 0) {
            int n = Math.min(left, a.length);
            md.update(a, 0, n);
            left -= n;
        }
        assertArrayEquals(HEX.parseHex("34aa973cd4c4daa4f61eeb2bdbad27316534016f"), md.digest());
    }

    @Test
    void copyIsIndependentAndDigestResets() {
        DigestInstance md = new Sha1Digest().newInstance();
        md.update(ABC, 0, 1);
        DigestInstance copy = md.copy();
        md.update(ABC, 1, 2);
        assertArrayEquals(ABC_SHA1, md.digest());
        copy.update(ascii("bc"));
        assertArrayEquals(ABC_SHA1, copy.digest());
        md.update(ABC);
        assertArrayEquals(ABC_SHA1, md.digest());
        copy.update(ascii("x"));
        copy.reset();
        copy.update(ABC);
        assertArrayEquals(ABC_SHA1, copy.digest());
    }

    /** Instances come from one looked-up prototype: each must start fresh, whatever the others have seen. */
    @Test
    void newInstancesAreFreshAndIndependent() {
        Sha1Digest digest = new Sha1Digest();
        DigestInstance first = digest.newInstance();
        first.update(ascii("a"));
        DigestInstance second = digest.newInstance();
        second.update(ABC);
        assertArrayEquals(ABC_SHA1, second.digest());
        first.update(ABC, 1, 2);
        assertArrayEquals(ABC_SHA1, first.digest());
    }

    @Test
    void rejectsShortOutput() {
        DigestInstance md = new Sha1Digest().newInstance();
        assertThrows(IllegalArgumentException.class, () -> md.digest(new byte[24], 5));
    }

    @Test
    void parameters() {
        Digest d = new Sha1Digest();
        assertEquals("SHA", d.name());
        assertEquals(20, d.length());
        assertEquals(64, d.blockLength());
        assertEquals(40, d.ssl3PadLength());
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(Sha1Digest.class, registry.digest("SHA").orElseThrow());
    }
}
