package io.sslkit.record.internal;

import io.sslkit.api.spi.DigestInstance;

/**
 * Counts the compression-function calls of a Merkle-Damgard hash, so that a MAC over a shorter record can be made
 * to cost as much as one over the longest record the same ciphertext could hold (the Lucky 13 countermeasure of
 * AlFardan and Paterson: without it the padding length leaks through the MAC's running time).
 */
final class CompressionCount {
    private CompressionCount() {
    }

    /**
     * Blocks hashed for a message of {@code messageLength} bytes: the message, the 0x80 byte and the length field,
     * rounded up. The length field is 8 bytes for the hashes with 64-byte blocks and 16 for those with 128-byte
     * blocks; the SPI gives only the block length, which fixes the length field for every hash TLS uses.
     */
    static long blocks(long messageLength, int blockLength) {
        int lengthField = blockLength >= 128 ? 16 : 8;
        return (messageLength + lengthField) / blockLength + 1;
    }

    /** Runs {@code count} extra compression-function calls on a scratch digest whose result nobody reads. */
    static void burn(DigestInstance scratch, byte[] block, long count) {
        for (long i = 0; i < count; i++) {
            scratch.update(block, 0, block.length);
        }
        scratch.reset();
    }
}
