package io.sslkit.record.internal;

/** The MAC of one record: the SSL 3.0 construction or HMAC, built from an SPI digest. Not thread-safe. */
public interface RecordMac {
    /** Bytes of MAC output. */
    int length();

    /**
     * Computes the MAC of one record's content, whose length is public (a record we send, or one under a stream
     * cipher), into {@code out} at {@code outOff}.
     *
     * @param seqNum      the 64-bit sequence number
     * @param type        ContentType code
     * @param wireVersion ProtocolVersion as two bytes (HMAC covers it; the SSL 3.0 MAC does not)
     */
    void compute(long seqNum, int type, int wireVersion, byte[] data, int off, int length, byte[] out, int outOff);

    /**
     * Computes the MAC of a CBC record's content, whose length the padding hides, in a time that does not reveal
     * {@code length}: only {@code maxLength}, the content the record could hold, may show. {@code maxLength - length}
     * is at most 256, the most that padding can hide. With a digest that offers its compression function the work is
     * the same down to the instructions ({@link LengthHidingHash}); without one, only the number of compressions is.
     */
    void computeHidingLength(long seqNum, int type, int wireVersion, byte[] data, int off, int length, int maxLength,
                             byte[] out, int outOff);
}
