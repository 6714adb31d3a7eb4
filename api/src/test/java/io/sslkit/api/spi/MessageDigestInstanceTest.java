package io.sslkit.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MessageDigestInstanceTest {
    private static final HexFormat HEX = HexFormat.of();
    // FIPS 180-2 Appendix B.1
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_ABC =
            HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    private final Supplier<DigestInstance> sha256 = MessageDigestInstance.factory("SHA-256");

    @Test
    void knownAnswerAndReset() {
        DigestInstance md = sha256.get();
        md.update(ABC);
        assertArrayEquals(SHA256_ABC, md.digest());
        md.update((byte) 'a');
        md.update(ABC, 1, 2);
        byte[] out = new byte[40];
        md.digest(out, 8);
        assertArrayEquals(SHA256_ABC, java.util.Arrays.copyOfRange(out, 8, 40));
        md.update((byte) 'x');
        md.reset();
        md.update(ABC);
        assertArrayEquals(SHA256_ABC, md.digest());
    }

    @Test
    void instancesAndCopiesAreIndependent() {
        DigestInstance a = sha256.get();
        a.update(ABC, 0, 2);
        DigestInstance copy = a.copy();
        DigestInstance fresh = sha256.get();
        a.update((byte) 'c');
        copy.update((byte) 'c');
        fresh.update(ABC);
        assertArrayEquals(SHA256_ABC, a.digest());
        assertArrayEquals(SHA256_ABC, copy.digest());
        assertArrayEquals(SHA256_ABC, fresh.digest());
    }

    @Test
    void rejectsUnknownAlgorithmAndShortOutput() {
        assertThrows(IllegalStateException.class, () -> MessageDigestInstance.factory("NO-SUCH-DIGEST"));
        assertThrows(IllegalArgumentException.class, () -> sha256.get().digest(new byte[32], 1));
    }
}
