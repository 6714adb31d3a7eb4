package io.sslkit.cipher.md5.internal;

import static io.sslkit.api.spi.testing.CompressionFunctionChecks.matchesTheDigest;
import static io.sslkit.api.spi.testing.CompressionFunctionChecks.sameAtEveryOffset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The compression function the record layer's constant-time MAC check uses: a message padded by hand (0x80, zeros,
 * the length in bits) and compressed block by block must give the digest's own output, for every length around the
 * block boundaries and for a chaining value reused after reset().
 */
class Md5CompressionTest {
    @Test
    void paddedBlocksGiveTheDigest() {
        matchesTheDigest(new Md5Digest());
        assertEquals(ByteOrder.LITTLE_ENDIAN, new Md5Digest().newCompressionFunction().byteOrder());
    }

    @Test
    void unalignedBlocksAndState() {
        sameAtEveryOffset(new Md5Digest());
    }
}
