package io.sslkit.record.internal;

/** The MAC of one record: the SSL 3.0 construction or HMAC, built from an SPI digest. Not thread-safe. */
public interface RecordMac {
    /** Bytes of MAC output. */
    int length();

    /**
     * Computes the MAC of one record's content into {@code out} at {@code outOff}, then spends as many more
     * compression-function calls as a content of {@code maxLength} bytes would have needed, so the time does not
     * reveal {@code length}. {@code maxLength - length} is at most 256, the most that padding can hide.
     *
     * @param seqNum      the 64-bit sequence number
     * @param type        ContentType code
     * @param wireVersion ProtocolVersion as two bytes (HMAC covers it; the SSL 3.0 MAC does not)
     */
    void compute(long seqNum, int type, int wireVersion, byte[] data, int off, int length, int maxLength,
                 byte[] out, int outOff);
}
