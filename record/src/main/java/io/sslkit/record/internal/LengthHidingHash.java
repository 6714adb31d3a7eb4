package io.sslkit.record.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import java.nio.ByteOrder;

/**
 * A Merkle-Damgard hash run on a digest module's compression function, whose message may end in a tail of secret
 * length: the content of a CBC record, whose padding hides where it ends. This is the Lucky 13 countermeasure of
 * AlFardan and Paterson as OpenSSL implements it: every block in which the message could end is built with masks
 * (content byte, 0x80, zero or length byte, chosen by comparisons without branches), every one of them is compressed,
 * and the chaining value after the block where the padded message really ends is kept, again by masks. The calls,
 * their arguments and the memory touched depend only on the public lengths, so that, unlike counting compressions
 * around a running digest, no effect of where a call's input ends (buffer copies, a padding block more or less in
 * the digest's finish) can show. Not thread-safe.
 */
final class LengthHidingHash {
    private final CompressionFunction f;
    private final int blockLength;
    private final int blockShift;
    private final int lengthField;
    private final boolean bigEndian;
    private final int digestLength;
    private final byte[] block;
    private final byte[] state;
    private final byte[] kept;
    /** Bytes hashed so far, and how many of them wait in {@link #block}. */
    private int count;
    private int buffered;

    LengthHidingHash(Digest digest, CompressionFunction f) {
        this.f = f;
        this.blockLength = digest.blockLength();
        if (Integer.bitCount(blockLength) != 1) {
            throw new IllegalArgumentException(digest.name() + ": block length " + blockLength + " not a power of 2");
        }
        // Block numbers of secret positions come from a shift: a division's time may depend on its operands.
        this.blockShift = Integer.numberOfTrailingZeros(blockLength);
        this.lengthField = blockLength >= 128 ? 16 : 8;
        this.bigEndian = f.byteOrder() == ByteOrder.BIG_ENDIAN;
        this.digestLength = digest.length();
        this.block = new byte[blockLength];
        this.state = new byte[f.stateLength()];
        this.kept = new byte[f.stateLength()];
    }

    /** Hashes {@code length} bytes, a public number. */
    void update(byte[] data, int off, int length) {
        count += length;
        if (buffered > 0) {
            int n = Math.min(length, blockLength - buffered);
            System.arraycopy(data, off, block, buffered, n);
            buffered += n;
            off += n;
            length -= n;
            if (buffered < blockLength) {
                return;
            }
            f.compress(block, 0);
            buffered = 0;
        }
        for (; length >= blockLength; off += blockLength, length -= blockLength) {
            f.compress(data, off);
        }
        System.arraycopy(data, off, block, 0, length);
        buffered = length;
    }

    /**
     * Hashes {@code data[off, off + length)} and writes the digest to {@code out}, then starts over. {@code length}
     * may be secret: only {@code maxLength} (the bytes that may be read) is public, and {@code maxLength - length} is
     * at most {@link CompressionCount#MAX_HIDDEN_LENGTH}. All bytes up to the first position where the message can
     * end are hashed the ordinary way.
     */
    void digestHidingLength(byte[] data, int off, int length, int maxLength, byte[] out, int outOff) {
        int fixed = Math.max(0, maxLength - CompressionCount.MAX_HIDDEN_LENGTH);
        update(data, off, fixed);
        int start = count;
        int tailMax = maxLength - fixed;
        int end = start + length - fixed;
        long bits = 8L * end;
        int lastBlock = (end + lengthField) >>> blockShift;
        int firstBlock = start >>> blockShift;
        int finalBlock = (start + tailMax + lengthField) >>> blockShift;
        java.util.Arrays.fill(kept, (byte) 0);
        for (int k = firstBlock; k <= finalBlock; k++) {
            int from = k == firstBlock ? buffered : 0;
            for (int i = from; i < blockLength; i++) {
                int p = (k << blockShift) + i;
                int j = p - start;
                int b = j < tailMax ? data[off + fixed + j] & 0xff : 0;
                b = (b & ConstantTime.lessThan(p, end)) | (0x80 & ConstantTime.equal(p, end));
                int q = i - (blockLength - lengthField);
                if (q >= 0) {
                    int shift = bigEndian ? 8 * (lengthField - 1 - q) : 8 * q;
                    int lengthByte = shift < Long.SIZE ? (int) (bits >>> shift) & 0xff : 0;
                    b |= lengthByte & ConstantTime.equal(k, lastBlock);
                }
                block[i] = (byte) b;
            }
            f.compress(block, 0);
            f.state(state, 0);
            int take = ConstantTime.equal(k, lastBlock);
            for (int i = 0; i < kept.length; i++) {
                kept[i] |= (byte) (state[i] & take);
            }
        }
        System.arraycopy(kept, 0, out, outOff, digestLength);
        f.reset();
        count = 0;
        buffered = 0;
    }
}
