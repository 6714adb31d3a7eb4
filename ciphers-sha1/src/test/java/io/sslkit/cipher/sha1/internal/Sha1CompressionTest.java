package io.sslkit.cipher.sha1.internal;

import static io.sslkit.api.spi.testing.CompressionFunctionChecks.matchesTheDigest;
import static io.sslkit.api.spi.testing.CompressionFunctionChecks.sameAtEveryOffset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The compression function the record layer's constant-time MAC check uses: a message padded by hand (0x80, zeros,
 * the length in bits) and compressed block by block must give the digest's own output, for every length around the
 * block boundaries and for a chaining value reused after reset().
 */
class Sha1CompressionTest {
    @Test
    void paddedBlocksGiveTheDigest() {
        matchesTheDigest(new Sha1Digest());
        assertEquals(20, new Sha1Digest().newCompressionFunction().stateLength());
    }

    @Test
    void unalignedBlocksAndState() {
        sameAtEveryOffset(new Sha1Digest());
    }
}
