package io.sslkit.api.spi;

import java.nio.ByteOrder;

/**
 * The compression function of a Merkle-Damgard hash (MD5, SHA-1, SHA-2) with its chaining value, for a caller that
 * must decide itself which blocks are hashed: the record layer checks a CBC record's MAC over content whose length
 * the padding hides, and to take the same time whatever that length is (the Lucky 13 countermeasure) it builds the
 * final blocks with masks, compresses all of them, and keeps the chaining value after the block where the message
 * really ended. A running {@link DigestInstance} cannot do that: it pads where its input ends. Not thread-safe.
 */
public interface CompressionFunction {
    /** Bytes of the chaining value (the whole internal state: 64 for SHA-384, whose output is truncated). */
    int stateLength();

    /**
     * Order of the message length that ends the padding (and of the words of the chaining value): little-endian for
     * MD5, big-endian for SHA. The length field is 8 bytes for 64-byte blocks, 16 for 128-byte ones.
     */
    ByteOrder byteOrder();

    /** Sets the chaining value to the hash's initial value. */
    void reset();

    /**
     * Compresses one block ({@link Digest#blockLength()} bytes at {@code block[offset]}) into the chaining value. The
     * time must not depend on the block's or the chaining value's content.
     */
    void compress(byte[] block, int offset);

    /**
     * Writes the chaining value, {@link #stateLength()} bytes, encoded as the digest encodes it: after the padded
     * message, its first {@link Digest#length()} bytes are the digest.
     */
    void state(byte[] out, int offset);
}
