package io.sslkit.record.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;

/**
 * The SSL 3.0 record MAC (RFC 6101 §5.2.3.1): hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 +
 * seq_num + SSLCompressed.type + SSLCompressed.length + SSLCompressed.fragment)), an early HMAC with concatenated
 * rather than XORed pads, whose pad length the digest states.
 */
public final class Ssl3Mac implements RecordMac {
    private static final byte PAD_1 = 0x36;
    private static final byte PAD_2 = 0x5c;
    private static final int HEADER_LENGTH = 11;

    /**
     * One digest for the inner hash, the outer hash and the extra compressions in turn: each use ends in a reset, and
     * an idle connection then keeps one digest's state per direction instead of three.
     */
    private final DigestInstance md;
    private final int blockLength;
    private final int macLength;
    private final byte[] secret;
    private final byte[] pad1;
    private final byte[] pad2;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final byte[] innerHash;
    /**
     * For a MAC that hides the content length, the inner hash of CBC records when the digest offers its compression
     * function, else the buffer of the extra compressions; other MACs keep neither.
     */
    private final LengthHidingHash hidingHash;
    private final byte[] burnBuffer;

    /** @param hidesLength whether this MAC checks received CBC records, the only ones whose length it must hide */
    public Ssl3Mac(Digest digest, byte[] secret, boolean hidesLength) {
        int padLength = digest.ssl3PadLength();
        if (padLength <= 0) {
            throw new IllegalArgumentException("SSL 3.0 defines no MAC for " + digest.name());
        }
        this.md = digest.newInstance();
        this.blockLength = digest.blockLength();
        this.macLength = digest.length();
        this.secret = secret.clone();
        this.pad1 = filled(padLength, PAD_1);
        this.pad2 = filled(padLength, PAD_2);
        this.innerHash = new byte[macLength];
        CompressionFunction f = hidesLength ? digest.newCompressionFunction() : null;
        this.hidingHash = f == null ? null : new LengthHidingHash(digest, f);
        this.burnBuffer = hidesLength && f == null ? new byte[CompressionCount.scratchLength(blockLength)] : null;
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, value);
        return b;
    }

    @Override
    public int length() {
        return macLength;
    }

    @Override
    public void compute(long seqNum, int type, int wireVersion, byte[] data, int off, int length, byte[] out,
                        int outOff) {
        header(seqNum, type, length);
        md.update(secret, 0, secret.length);
        md.update(pad1, 0, pad1.length);
        md.update(header, 0, HEADER_LENGTH);
        md.update(data, off, length);
        md.digest(innerHash, 0);
        outer(out, outOff);
    }

    @Override
    public void computeHidingLength(long seqNum, int type, int wireVersion, byte[] data, int off, int length,
                                    int maxLength, byte[] out, int outOff) {
        if (hidingHash == null) {
            if (burnBuffer == null) {
                throw new IllegalStateException("this MAC was made without length hiding");
            }
            compute(seqNum, type, wireVersion, data, off, length, out, outOff);
            long prefix = secret.length + pad1.length + HEADER_LENGTH;
            CompressionCount.burn(md, burnBuffer, blockLength,
                    CompressionCount.blocks(prefix + maxLength, blockLength)
                            - CompressionCount.blocks(prefix + length, blockLength));
            return;
        }
        header(seqNum, type, length);
        hidingHash.update(secret, 0, secret.length);
        hidingHash.update(pad1, 0, pad1.length);
        hidingHash.update(header, 0, HEADER_LENGTH);
        hidingHash.digestHidingLength(data, off, length, maxLength, innerHash, 0);
        // The outer hash's input has a public length: the running digest, faster, is safe there.
        outer(out, outOff);
    }

    private void header(long seqNum, int type, int length) {
        Bytes.putLong(header, 0, seqNum);
        header[8] = (byte) type;
        header[9] = (byte) (length >>> 8);
        header[10] = (byte) length;
    }

    private void outer(byte[] out, int outOff) {
        md.update(secret, 0, secret.length);
        md.update(pad2, 0, pad2.length);
        md.update(innerHash, 0, macLength);
        md.digest(out, outOff);
    }
}
