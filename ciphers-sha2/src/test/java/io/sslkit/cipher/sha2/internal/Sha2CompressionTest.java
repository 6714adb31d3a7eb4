package io.sslkit.cipher.sha2.internal;

import static io.sslkit.api.spi.testing.CompressionFunctionChecks.matchesTheDigest;
import static io.sslkit.api.spi.testing.CompressionFunctionChecks.sameAtEveryOffset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The compression function the record layer's constant-time MAC check uses: a message padded by hand (0x80, zeros,
 * the length in bits) and compressed block by block must give the digest's own output, for every length around the
 * block boundaries and for a chaining value reused after reset().
 */
class Sha2CompressionTest {
    @Test
    void sha256PaddedBlocksGiveTheDigest() {
        matchesTheDigest(new Sha256Digest());
    }

    @Test
    void sha384PaddedBlocksGiveTheDigest() {
        // The whole SHA-512 state is the chaining value; SHA-384 outputs its first 48 bytes.
        matchesTheDigest(new Sha384Digest());
        assertEquals(64, new Sha384Digest().newCompressionFunction().stateLength());
    }

    @Test
    void unalignedBlocksAndState() {
        sameAtEveryOffset(new Sha256Digest());
        sameAtEveryOffset(new Sha384Digest());
    }
}
