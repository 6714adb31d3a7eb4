package io.sslkit.api.spi.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

/**
 * What every {@link CompressionFunction} must do for the record layer's constant-time MAC check, for a digest
 * module's tests (this package is the api's test-jar): a message padded by hand (0x80, zeros, the length in bits)
 * and compressed block by block gives the digest's own output, for every length around the block boundaries and for
 * a chaining value reused after reset(); blocks at any offset give the same chaining value.
 */
public final class CompressionFunctionChecks {
    private CompressionFunctionChecks() {
    }

    private static byte[] hashByBlocks(Digest digest, CompressionFunction f, byte[] m) {
        int b = digest.blockLength();
        int lengthField = b >= 128 ? 16 : 8;
        byte[] padded = Arrays.copyOf(m, ((m.length + lengthField) / b + 1) * b);
        padded[m.length] = (byte) 0x80;
        long bits = 8L * m.length;
        for (int i = 0; i < 8; i++) {
            int at = f.byteOrder() == ByteOrder.BIG_ENDIAN ? padded.length - 1 - i : padded.length - lengthField + i;
            padded[at] = (byte) (bits >>> (8 * i));
        }
        f.reset();
        for (int off = 0; off < padded.length; off += b) {
            f.compress(padded, off);
        }
        byte[] state = new byte[f.stateLength()];
        f.state(state, 0);
        return Arrays.copyOf(state, digest.length());
    }

    /** A message padded by hand and compressed block by block gives the digest's output, for lengths 0 to 3 blocks + 1. */
    public static void matchesTheDigest(Digest digest) {
        CompressionFunction f = digest.newCompressionFunction();
        DigestInstance md = digest.newInstance();
        Random r = new Random(1);
        for (int length = 0; length <= 3 * digest.blockLength() + 1; length++) {
            byte[] m = new byte[length];
            r.nextBytes(m);
            md.update(m);
            assertArrayEquals(md.digest(), hashByBlocks(digest, f, m), digest.name() + ", length " + length);
        }
    }

    /**
     * The record layer compresses blocks where they lie in the record, at any offset: the same blocks at offsets 1 to
     * 15 (word reads that are not aligned) must give the same chaining value, written at an offset too.
     */
    public static void sameAtEveryOffset(Digest digest) {
        CompressionFunction f = digest.newCompressionFunction();
        int b = digest.blockLength();
        byte[] blocks = new byte[3 * b];
        new Random(2).nextBytes(blocks);
        for (int off = 0; off < blocks.length; off += b) {
            f.compress(blocks, off);
        }
        byte[] expected = new byte[f.stateLength()];
        f.state(expected, 0);
        for (int shift = 1; shift < 16; shift++) {
            byte[] shifted = new byte[shift + blocks.length];
            System.arraycopy(blocks, 0, shifted, shift, blocks.length);
            f.reset();
            for (int off = shift; off < shifted.length; off += b) {
                f.compress(shifted, off);
            }
            byte[] state = new byte[shift + f.stateLength()];
            f.state(state, shift);
            assertArrayEquals(expected, Arrays.copyOfRange(state, shift, state.length), digest.name() + ", " + shift);
        }
    }
}
