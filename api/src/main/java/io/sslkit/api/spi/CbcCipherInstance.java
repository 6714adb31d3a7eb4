package io.sslkit.api.spi;

import java.util.Objects;

/**
 * Cipher block chaining (NIST SP 800-38A §6.2) over a raw {@link BlockFunction}. The chaining value carries over from
 * one {@link #process} call to the next, as RFC 6101 §5.2.3.2 and RFC 2246 §6.2.3.2 require of the record layer.
 * Input and output may be the same array at the same offset. Two block-sized buffers are allocated here once, so
 * the per-record path allocates nothing.
 */
public final class CbcCipherInstance implements CipherInstance {
    private final BlockFunction blockFunction;
    private final int blockSize;
    private final boolean encrypt;
    /** The previous ciphertext block, the IV at first. */
    private byte[] chainingValue;
    /** Decryption keeps the current ciphertext block here before the output may overwrite it. */
    private byte[] nextChainingValue;

    /**
     * @param blockFunction the keyed cipher, encrypting when {@code encrypt} and decrypting otherwise
     * @param iv the initial chaining value, {@code blockSize} bytes; copied
     */
    public CbcCipherInstance(BlockFunction blockFunction, int blockSize, boolean encrypt, byte[] iv) {
        this.blockFunction = Objects.requireNonNull(blockFunction, "blockFunction");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        if (iv == null || iv.length != blockSize) {
            throw new IllegalArgumentException("CBC needs an IV of " + blockSize + " bytes, got "
                    + (iv == null ? "none" : iv.length));
        }
        this.blockSize = blockSize;
        this.encrypt = encrypt;
        this.chainingValue = iv.clone();
        this.nextChainingValue = new byte[blockSize];
    }

    /**
     * @throws IllegalArgumentException when {@code length} is not a multiple of the block size
     * @throws IndexOutOfBoundsException when either range lies outside its array
     */
    @Override
    public void process(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length % blockSize != 0) {
            throw new IllegalArgumentException(
                    "CBC input must be a multiple of " + blockSize + " bytes, got " + length);
        }
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int done = 0; done < length; done += blockSize) {
            if (encrypt) {
                encryptBlock(in, inOffset + done, out, outOffset + done);
            } else {
                decryptBlock(in, inOffset + done, out, outOffset + done);
            }
        }
    }

    /** C_i = E(P_i xor C_{i-1}); the xor is formed in the chaining buffer, so the input is read before any write. */
    private void encryptBlock(byte[] in, int inOffset, byte[] out, int outOffset) {
        byte[] c = chainingValue;
        for (int i = 0; i < blockSize; i++) {
            c[i] ^= in[inOffset + i];
        }
        blockFunction.processBlock(c, 0, out, outOffset);
        System.arraycopy(out, outOffset, c, 0, blockSize);
    }

    /** P_i = D(C_i) xor C_{i-1}; C_i is saved first because an in-place call overwrites it. */
    private void decryptBlock(byte[] in, int inOffset, byte[] out, int outOffset) {
        byte[] saved = nextChainingValue;
        System.arraycopy(in, inOffset, saved, 0, blockSize);
        blockFunction.processBlock(saved, 0, out, outOffset);
        byte[] c = chainingValue;
        for (int i = 0; i < blockSize; i++) {
            out[outOffset + i] ^= c[i];
        }
        nextChainingValue = c;
        chainingValue = saved;
    }
}
