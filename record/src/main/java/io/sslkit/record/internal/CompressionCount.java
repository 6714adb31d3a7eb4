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

    /**
     * The most bytes by which a MAC's content may fall short of {@code maxLength}: TLS padding is at most 255 bytes
     * plus its length byte, SSL 3.0 padding less than a cipher block.
     */
    static final int MAX_HIDDEN_LENGTH = 256;

    /**
     * Length of the buffer {@link #burn} hashes: the most extra blocks a shortfall of {@link #MAX_HIDDEN_LENGTH}
     * bytes can cost, since the shortfall and the message's position within its last block add up to one more.
     */
    static int scratchLength(int blockLength) {
        return (MAX_HIDDEN_LENGTH / blockLength + 1) * blockLength;
    }

    /**
     * Runs {@code count} extra compression-function calls on a digest whose result nobody reads. They go through one
     * {@code update} call whatever the count, zero included: a call per block, or a call only when there is work,
     * would cost the call overhead a number of times that depends on the padding length, and that difference was
     * measurable (a few nanoseconds per record, enough for a t-test over many records).
     */
    static void burn(DigestInstance md, byte[] scratch, int blockLength, long count) {
        long bytes = count * blockLength;
        if (bytes > scratch.length) {
            // Only a caller breaking RecordMac's contract gets here; the padding length alone never does.
            throw new IllegalArgumentException("content shorter than its maximum by more than "
                    + MAX_HIDDEN_LENGTH + " bytes");
        }
        md.update(scratch, 0, (int) bytes);
        md.reset();
    }
}
