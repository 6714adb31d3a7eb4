package io.sslkit.cipher.sha2.internal;

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

/** The examples of FIPS 180-4 for SHA-256 and SHA-384: "abc", the two-block message, one million 'a'. */
class Sha2KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SHA256_TWO_BLOCKS = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    private static final String SHA384_TWO_BLOCKS = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
            + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

    private static Digest byName(String name) {
        return switch (name) {
            case "SHA256" -> new Sha256Digest();
            case "SHA384" -> new Sha384Digest();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @CsvSource({
        "SHA256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "SHA256, " + SHA256_TWO_BLOCKS + ", 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        "SHA384, abc, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                + "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        "SHA384, " + SHA384_TWO_BLOCKS + ", 09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
                + "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
    })
    void shortMessages(String digest, String message, String expected) {
        byte[] m = message.getBytes(StandardCharsets.US_ASCII);
        DigestInstance md = byName(digest).newInstance();
        md.update(m);
        assertArrayEquals(HEX.parseHex(expected), md.digest());

        for (byte b : m) {
            md.update(b);
        }
        byte[] out = new byte[md.copy().digest().length + 7];
        md.digest(out, 7);
        assertArrayEquals(HEX.parseHex(expected), Arrays.copyOfRange(out, 7, out.length));
    }

    /** Fed in uneven pieces so that updates straddle block boundaries. */
    @ParameterizedTest
    @CsvSource({
        "SHA256, cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        "SHA384, 9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
                + "07b8b3dc38ecc4ebae97ddd87f3d8985",
    })
    void millionA(String digest, String expected) {
        DigestInstance md = byName(digest).newInstance();
        byte[] a = new byte[1009];
        Arrays.fill(a, (byte) 'a');
        int left = 1_000_000;
        while (left > 0) {
            int n = Math.min(left, a.length);
            md.update(a, 0, n);
            left -= n;
        }
        assertArrayEquals(HEX.parseHex(expected), md.digest());
    }

    @Test
    void copyIsIndependentAndDigestResets() {
        byte[] abc256 = HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        DigestInstance md = new Sha256Digest().newInstance();
        md.update((byte) 'a');
        DigestInstance copy = md.copy();
        md.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(abc256, md.digest());
        copy.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(abc256, copy.digest());
        md.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(abc256, md.digest());
        copy.update((byte) 'z');
        copy.reset();
        copy.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(abc256, copy.digest());
    }

    /** Instances come from one looked-up prototype: each must start fresh, whatever the others have seen. */
    @Test
    void newInstancesAreFreshAndIndependent() {
        Sha256Digest digest = new Sha256Digest();
        DigestInstance first = digest.newInstance();
        first.update("a".getBytes(StandardCharsets.US_ASCII));
        DigestInstance second = digest.newInstance();
        second.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), second.digest());
        first.update("abc".getBytes(StandardCharsets.US_ASCII), 1, 2);
        assertArrayEquals(HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), first.digest());
    }

    @Test
    void rejectsShortOutput() {
        assertThrows(IllegalArgumentException.class, () -> new Sha256Digest().newInstance().digest(new byte[32], 1));
        assertThrows(IllegalArgumentException.class, () -> new Sha384Digest().newInstance().digest(new byte[47], 0));
    }

    @Test
    void parameters() {
        Digest d256 = new Sha256Digest();
        assertEquals("SHA256", d256.name());
        assertEquals(32, d256.length());
        assertEquals(64, d256.blockLength());
        assertEquals(0, d256.ssl3PadLength());
        Digest d384 = new Sha384Digest();
        assertEquals("SHA384", d384.name());
        assertEquals(48, d384.length());
        assertEquals(128, d384.blockLength());
        assertEquals(0, d384.ssl3PadLength());
    }

    @Test
    void foundByServiceLoader() {
        AlgorithmRegistry registry = AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader());
        assertInstanceOf(Sha256Digest.class, registry.digest("SHA256").orElseThrow());
        assertInstanceOf(Sha384Digest.class, registry.digest("SHA384").orElseThrow());
    }
}
