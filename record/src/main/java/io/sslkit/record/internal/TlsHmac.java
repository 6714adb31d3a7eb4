package io.sslkit.record.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;

/**
 * The TLS record MAC (RFC 2246 §6.2.3.1): HMAC (RFC 2104) over seq_num + TLSCompressed.type +
 * TLSCompressed.version + TLSCompressed.length + TLSCompressed.fragment, built from any SPI digest.
 */
public final class TlsHmac implements RecordMac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final int HEADER_LENGTH = 13;

    /**
     * One digest for the inner hash, the outer hash and the extra compressions in turn: each use ends in a reset, and
     * an idle connection then keeps one digest's state per direction instead of three.
     */
    private final DigestInstance md;
    private final int blockLength;
    private final int macLength;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final byte[] innerHash;
    /**
     * For a MAC that hides the content length, the inner hash of CBC records when the digest offers its compression
     * function, else the buffer of the extra compressions; other MACs keep neither.
     */
    private final LengthHidingHash hidingHash;
    private final byte[] burnBuffer;

    /** @param hidesLength whether this MAC checks received CBC records, the only ones whose length it must hide */
    public TlsHmac(Digest digest, byte[] secret, boolean hidesLength) {
        this.md = digest.newInstance();
        this.blockLength = digest.blockLength();
        this.macLength = digest.length();
        this.innerHash = new byte[macLength];
        CompressionFunction f = hidesLength ? digest.newCompressionFunction() : null;
        this.hidingHash = f == null ? null : new LengthHidingHash(digest, f);
        this.burnBuffer = hidesLength && f == null ? new byte[CompressionCount.scratchLength(blockLength)] : null;
        byte[] k = secret.length > blockLength ? hashKey(md, secret) : secret;
        innerPad = new byte[blockLength];
        outerPad = new byte[blockLength];
        for (int i = 0; i < blockLength; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ IPAD);
            outerPad[i] = (byte) (b ^ OPAD);
        }
    }

    private static byte[] hashKey(DigestInstance d, byte[] key) {
        d.update(key, 0, key.length);
        return d.digest();
    }

    @Override
    public int length() {
        return macLength;
    }

    @Override
    public void compute(long seqNum, int type, int wireVersion, byte[] data, int off, int length, byte[] out,
                        int outOff) {
        header(seqNum, type, wireVersion, length);
        // The keyed pads are fed again for every record instead of copying a pre-keyed state: one compression
        // more per record, and no allocation.
        md.update(innerPad, 0, blockLength);
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
            long prefix = blockLength + HEADER_LENGTH;
            CompressionCount.burn(md, burnBuffer, blockLength,
                    CompressionCount.blocks(prefix + maxLength, blockLength)
                            - CompressionCount.blocks(prefix + length, blockLength));
            return;
        }
        header(seqNum, type, wireVersion, length);
        hidingHash.update(innerPad, 0, blockLength);
        hidingHash.update(header, 0, HEADER_LENGTH);
        hidingHash.digestHidingLength(data, off, length, maxLength, innerHash, 0);
        // The outer hash's input has a public length: the running digest, faster, is safe there.
        outer(out, outOff);
    }

    private void header(long seqNum, int type, int wireVersion, int length) {
        Bytes.putLong(header, 0, seqNum);
        header[8] = (byte) type;
        header[9] = (byte) (wireVersion >>> 8);
        header[10] = (byte) wireVersion;
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;
    }

    private void outer(byte[] out, int outOff) {
        md.update(outerPad, 0, blockLength);
        md.update(innerHash, 0, macLength);
        md.digest(out, outOff);
    }
}
