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
    private final byte[] lengthBytes;
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
        this.lengthBytes = new byte[lengthField];
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
        int end = start + length - fixed;
        int dataEnd = start + maxLength - fixed;
        // data[dataOff + p] is the byte at message position p, for start <= p < dataEnd.
        int dataOff = off + fixed - start;
        int lastBlock = (end + lengthField) >>> blockShift;
        int firstBlock = start >>> blockShift;
        int finalBlock = (dataEnd + lengthField) >>> blockShift;
        lengthBytes(8L * end);
        java.util.Arrays.fill(kept, (byte) 0);
        for (int k = firstBlock; k <= finalBlock; k++) {
            // The loop bounds depend on public positions only; every byte is masked against the secret end.
            int base = k << blockShift;
            int from = k == firstBlock ? buffered : 0;
            int withData = Math.min(blockLength, Math.max(from, dataEnd - base));
            for (int i = from; i < withData; i++) {
                int p = base + i;
                block[i] = (byte) ((data[dataOff + p] & ConstantTime.lessThan(p, end))
                        | (0x80 & ConstantTime.equal(p, end)));
            }
            for (int i = withData; i < blockLength; i++) {
                block[i] = (byte) (0x80 & ConstantTime.equal(base + i, end));
            }
            int take = ConstantTime.equal(k, lastBlock);
            for (int q = 0, i = blockLength - lengthField; q < lengthField; q++, i++) {
                block[i] |= (byte) (lengthBytes[q] & take);
            }
            f.compress(block, 0);
            f.state(state, 0);
            for (int i = 0; i < kept.length; i++) {
                kept[i] |= (byte) (state[i] & take);
            }
        }
        System.arraycopy(kept, 0, out, outOff, digestLength);
        f.reset();
        count = 0;
        buffered = 0;
    }

    /** The length field that ends the padding, in the hash's byte order, into {@link #lengthBytes}. */
    private void lengthBytes(long bits) {
        for (int q = 0; q < lengthField; q++) {
            int shift = bigEndian ? 8 * (lengthField - 1 - q) : 8 * q;
            lengthBytes[q] = shift < Long.SIZE ? (byte) (bits >>> shift) : 0;
        }
    }
}
