package io.sslkit.record.internal;

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

    private final DigestInstance inner;
    private final DigestInstance outer;
    private final DigestInstance scratch;
    private final int blockLength;
    private final int macLength;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final byte[] innerHash;

    public TlsHmac(Digest digest, byte[] secret) {
        this.inner = digest.newInstance();
        this.outer = digest.newInstance();
        this.scratch = digest.newInstance();
        this.blockLength = digest.blockLength();
        this.macLength = digest.length();
        this.innerHash = new byte[macLength];
        byte[] k = secret.length > blockLength ? hashKey(inner, secret) : secret;
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
    public void compute(long seqNum, int type, int wireVersion, byte[] data, int off, int length, int maxLength,
                        byte[] out, int outOff) {
        Bytes.putLong(header, 0, seqNum);
        header[8] = (byte) type;
        header[9] = (byte) (wireVersion >>> 8);
        header[10] = (byte) wireVersion;
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;
        // The keyed pads are fed again for every record instead of copying a pre-keyed state: one compression
        // more per record, and no allocation.
        inner.update(innerPad, 0, blockLength);
        inner.update(header, 0, HEADER_LENGTH);
        inner.update(data, off, length);
        inner.digest(innerHash, 0);
        outer.update(outerPad, 0, blockLength);
        outer.update(innerHash, 0, macLength);
        outer.digest(out, outOff);
        long prefix = blockLength + HEADER_LENGTH;
        CompressionCount.burn(scratch, innerPad,
                CompressionCount.blocks(prefix + maxLength, blockLength)
                        - CompressionCount.blocks(prefix + length, blockLength));
    }
}
