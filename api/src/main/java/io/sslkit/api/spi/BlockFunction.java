package io.sslkit.api.spi;

/**
 * One keyed block-cipher transformation (encryption or decryption) of a single block, such as Bouncy Castle's
 * {@code engine::processBlock}. {@link CbcCipherInstance} never passes overlapping input and output, so an
 * implementation need not support in-place calls.
 */
@FunctionalInterface
public interface BlockFunction {
    /** Transforms the block at {@code in[inOffset..]} into {@code out[outOffset..]}. */
    void processBlock(byte[] in, int inOffset, byte[] out, int outOffset);
}
