package io.sslkit.record.internal;

import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import io.sslkit.api.spi.Digest;

/**
 * One direction's current connection state (RFC 5246 §6.1): keyed cipher and MAC instances, reused for every
 * record, and the 64-bit sequence number. It protects and unprotects record fragments in place. Not thread-safe.
 */
public final class ConnectionState {
    private final ProtocolVersion version;
    private final CipherInstance cipher;
    private final RecordMac mac;
    private final boolean block;
    private final boolean ssl3;
    private final int blockSize;
    private final int explicitIvLength;
    private final int macLength;
    private final byte[] computedMac;
    private final byte[] macScratch;
    /** The last ciphertext block written: the CBC chaining value the next record's explicit IV block meets. */
    private final byte[] lastCipherBlock;
    private long seqNum;
    private boolean seqNumExhausted;

    private ConnectionState(ProtocolVersion version, CipherInstance cipher, RecordMac mac, boolean block,
                            int blockSize, int explicitIvLength, byte[] iv, boolean receiving) {
        this.version = version;
        this.cipher = cipher;
        this.mac = mac;
        this.block = block;
        this.ssl3 = version != null && version.isSsl3();
        this.blockSize = blockSize;
        this.explicitIvLength = explicitIvLength;
        this.macLength = mac == null ? 0 : mac.length();
        // only a receiving state checks MACs
        this.computedMac = receiving ? new byte[macLength] : null;
        this.macScratch = receiving ? new byte[2 * macLength] : null;
        this.lastCipherBlock = explicitIvLength > 0 ? iv.clone() : null;
    }

    /** SSL_NULL_WITH_NULL_NULL: fragments pass unchanged. */
    public static ConnectionState initial() {
        return new ConnectionState(null, null, null, false, 1, 0, null, true);
    }

    /** A state keyed from a CipherState's parameters; {@code encrypt} is the write direction. */
    public static ConnectionState keyed(ProtocolVersion version, BulkCipher cipher, Digest digest, byte[] macSecret,
                                        byte[] key, byte[] iv, boolean encrypt) {
        boolean block = cipher.type() == BulkCipher.Type.BLOCK;
        // only the receiving side of a CBC cipher must hide where the content ends
        boolean hidesLength = block && !encrypt;
        RecordMac mac = version.isSsl3() ? new Ssl3Mac(digest, macSecret, hidesLength)
                : new TlsHmac(digest, macSecret, hidesLength);
        int bs = block ? cipher.blockSize() : 1;
        int explicitIv = block && version.atLeast(ProtocolVersion.TLS_1_1) ? bs : 0;
        return new ConnectionState(version, cipher.newInstance(encrypt, key, iv), mac, block, bs, explicitIv, iv,
                !encrypt);
    }

    public boolean isInitial() {
        return mac == null;
    }

    /** A CBC state without explicit IVs: its next IV is the last ciphertext block, which BEAST exploits. */
    public boolean chainsIvAcrossRecords() {
        return block && explicitIvLength == 0;
    }

    /** Offset of the content within a fragment: the explicit IV comes first. */
    public int explicitIvLength() {
        return explicitIvLength;
    }

    /** The most bytes protection adds to a fragment of content. */
    public int maxExpansion() {
        return explicitIvLength + macLength + (block ? blockSize : 0);
    }

    /**
     * Protects one record in place. The content is at {@code buf[fragOff + explicitIvLength()]}; MAC, padding and IV
     * are written around it and everything is encrypted. There must be room for {@link #maxExpansion()} more bytes.
     *
     * @return the length of the protected fragment, starting at {@code fragOff}
     */
    public int protect(int type, int wireVersion, byte[] buf, int fragOff, int length) throws SslAlertException {
        long seq = nextSeqNum();
        if (mac == null) {
            return length;
        }
        int content = fragOff + explicitIvLength;
        mac.compute(seq, type, wireVersion, buf, content, length, buf, content + length);
        int n = length + macLength;
        if (block) {
            // The least padding that reaches a block boundary: longer padding hides lengths but costs bytes.
            int padLength = (blockSize - (n + 1) % blockSize) % blockSize;
            java.util.Arrays.fill(buf, content + n, content + n + padLength + 1, (byte) padLength);
            n += padLength + 1;
            if (explicitIvLength > 0) {
                explicitIvBlock(seq, buf, fragOff);
                n += explicitIvLength;
            }
        }
        cipher.process(buf, fragOff, n, buf, fragOff);
        if (explicitIvLength > 0) {
            System.arraycopy(buf, fragOff + n - blockSize, lastCipherBlock, 0, blockSize);
        }
        return n;
    }

    /**
     * The plaintext block put before the content of a TLS 1.1+ CBC record, so that its encryption becomes the
     * record's IV (RFC 4346 §6.2.3.2, option 2b: the CBC residue of the previous record is the mask). The IV only has
     * to be unpredictable to whoever chooses the plaintext; rather than drawing it from a shared SecureRandom (a lock
     * and often a system call per record), it is made as NIST SP 800-38A, Appendix C describes: the forward cipher
     * under the write key applied to a nonce, here the record's sequence number. Writing {@code seq XOR residue}
     * cancels the chaining, so the cipher's input is exactly the sequence number: unique for the key's lifetime
     * (it never wraps), hence its encryption is unpredictable without the key, and no data block can have met that
     * input before except by a collision of the block cipher's inputs, the bound CBC itself lives with.
     */
    private void explicitIvBlock(long seq, byte[] buf, int off) {
        for (int i = 0; i < blockSize; i++) {
            int shift = 8 * (blockSize - 1 - i);
            int seqByte = shift < Long.SIZE ? (int) (seq >>> shift) & 0xff : 0;
            buf[off + i] = (byte) (seqByte ^ lastCipherBlock[i]);
        }
    }

    /**
     * Decrypts and checks one record fragment from {@code src} into {@code dst}, which may be {@code src} at the same
     * offset (decryption in place); the content then starts at {@code dst[dstOff + explicitIvLength()]}. A bad MAC,
     * bad padding or impossible length all give bad_record_mac.
     *
     * @return the content length
     */
    public int unprotect(int type, int wireVersion, byte[] src, int srcOff, int length, byte[] dst, int dstOff)
            throws SslAlertException {
        int contentLength = open(type, wireVersion, src, srcOff, length, dst, dstOff);
        if (contentLength < 0) {
            // Only now, after a check that had no exit of its own, does the outcome branch; the peer learns it
            // from the fatal alert anyway.
            throw new BadRecordMacException();
        }
        return contentLength;
    }

    /**
     * The check behind {@link #unprotect}, which reports a refused record by value: decryption, padding check and MAC
     * check run to the end whatever fails, and their verdicts are combined with masks into one result, so that bad
     * padding, a bad MAC and a valid record take the same work (and, with a digest that offers its compression
     * function, the same instructions). Only public facts (the fragment's length) end it early.
     *
     * @return the content length, or -1 when the record is refused
     * @throws SslAlertException internal_error when the sequence number would wrap
     */
    public int open(int type, int wireVersion, byte[] src, int srcOff, int length, byte[] dst, int dstOff)
            throws SslAlertException {
        long seq = nextSeqNum();
        if (mac == null) {
            System.arraycopy(src, srcOff, dst, dstOff, length);
            return length;
        }
        if (!block) {
            if (length < macLength) {
                return -1;
            }
            cipher.process(src, srcOff, length, dst, dstOff);
            int contentLength = length - macLength;
            mac.compute(seq, type, wireVersion, dst, dstOff, contentLength, computedMac, 0);
            int good = ConstantTime.isZero(
                    ConstantTime.difference(computedMac, 0, dst, dstOff + contentLength, macLength));
            return (contentLength & good) | ~good;
        }
        // Public checks first: the length alone says nothing secret.
        int minimum = explicitIvLength + (macLength + 1 + blockSize - 1) / blockSize * blockSize;
        if (length % blockSize != 0 || length < minimum) {
            return -1;
        }
        cipher.process(src, srcOff, length, dst, dstOff);
        int off = dstOff + explicitIvLength;
        int n = length - explicitIvLength;
        int padLength = dst[off + n - 1] & 0xff;
        int good = ssl3 ? ssl3PaddingGood(padLength, n) : tlsPaddingGood(dst, off, n, padLength);
        // With bad padding, the MAC is computed as if there were no padding (RFC 5246 §6.2.3.2), over the most
        // content this record can hold: the same work as for good padding, after which the MAC fails anyway.
        int contentLength = n - macLength - 1 - (padLength & good);
        int maxContent = n - macLength - 1;
        mac.computeHidingLength(seq, type, wireVersion, dst, off, contentLength, maxContent, computedMac, 0);
        int scanStart = Math.max(0, maxContent - (ssl3 ? blockSize - 1 : 255));
        int macDiff = ConstantTime.macDifference(dst, off, n, contentLength, scanStart, computedMac, macLength,
                macScratch);
        int accepted = good & ConstantTime.isZero(macDiff);
        return (contentLength & accepted) | ~accepted;
    }

    /** SSL 3.0 checks only the padding length: less than a block, and room for the MAC (RFC 6101 §5.2.3.2). */
    private int ssl3PaddingGood(int padLength, int n) {
        return ConstantTime.lessThan(padLength, blockSize) & ConstantTime.lessOrEqual(padLength + 1 + macLength, n);
    }

    /** TLS: every padding byte must equal the padding length; all 256 candidates are looked at, always. */
    private int tlsPaddingGood(byte[] p, int off, int n, int padLength) {
        int toCheck = Math.min(256, n);
        int diff = 0;
        for (int i = 1; i <= toCheck; i++) {
            int inPadding = ConstantTime.lessOrEqual(i, padLength + 1);
            diff |= inPadding & ((p[off + n - i] & 0xff) ^ padLength);
        }
        return ConstantTime.isZero(diff) & ConstantTime.lessOrEqual(padLength + 1 + macLength, n);
    }

    private long nextSeqNum() throws SslAlertException {
        if (seqNumExhausted) {
            // RFC 5246 §6.1: a sequence number must not wrap; the connection must be renegotiated before.
            throw new SslAlertException(AlertProtocol.sendable(AlertDescription.INTERNAL_ERROR, version),
                    "sequence number exhausted: renegotiation was needed");
        }
        long seq = seqNum++;
        if (seqNum == 0) {
            seqNumExhausted = true;
        }
        return seq;
    }

    /** For tests of the wrap rule: no real connection reaches 2^64 records. */
    void setSeqNumForTest(long seq) {
        this.seqNum = seq;
    }

    public long seqNum() {
        return seqNum;
    }
}
