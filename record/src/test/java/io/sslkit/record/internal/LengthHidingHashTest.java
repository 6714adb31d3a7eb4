package io.sslkit.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sslkit.api.spi.DigestInstance;
import io.sslkit.record.testing.JcaDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The masked finish gives the ordinary digest for every secret length a record can hide: prefixes that leave the
 * tail anywhere within a block, maximum lengths below and above the 256 hidden bytes, every length from the least
 * to the maximum, with MD5's little-endian and SHA's big-endian length and SHA-384's 16-byte length field; the same
 * instance is reused throughout, so it also starts over correctly.
 */
class LengthHidingHashTest {

    @Test
    void everyHiddenLengthGivesTheOrdinaryDigest() {
        Random r = new Random(7);
        for (JcaDigest d : JcaDigest.ALL) {
            LengthHidingHash hash = new LengthHidingHash(d, d.newCompressionFunction());
            DigestInstance reference = d.newInstance();
            byte[] out = new byte[d.length() + 3];
            for (int prefix : new int[] {0, 1, 13, 77, d.blockLength() - 9, d.blockLength()}) {
                byte[] head = new byte[prefix];
                r.nextBytes(head);
                for (int maxLength : new int[] {0, 1, 55, 200, 256, 300, 1000}) {
                    byte[] data = new byte[maxLength + 5];
                    r.nextBytes(data);
                    for (int length = Math.max(0, maxLength - 256); length <= maxLength; length++) {
                        reference.update(head);
                        reference.update(data, 2, length);
                        byte[] expected = reference.digest();
                        hash.update(head, 0, prefix);
                        hash.digestHidingLength(data, 2, length, maxLength, out, 3);
                        assertArrayEquals(expected, Arrays.copyOfRange(out, 3, 3 + d.length()),
                                d + ", prefix " + prefix + ", " + length + " of " + maxLength);
                    }
                }
            }
        }
    }
}
