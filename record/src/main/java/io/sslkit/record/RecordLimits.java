package io.sslkit.record;

/**
 * The bounds a record layer enforces beyond the fixed ones of the RFCs (plaintext 2^14, ciphertext 2^14 + 2048 on
 * input). Immutable; {@link #DEFAULT} suits every ordinary peer.
 *
 * @param maxPlaintext      the largest plaintext fragment written per record, 1..2^14 (smaller values serve a
 *                          negotiated max_fragment_length or a latency-minded application)
 * @param maxEmptyRecords   how many zero-length records may arrive in a row before the peer is cut off (they cost
 *                          work and carry nothing, so an endless stream of them is a denial of service)
 */
public record RecordLimits(int maxPlaintext, int maxEmptyRecords) {

    /** 2^14: the largest plaintext fragment the RFCs allow. */
    public static final int MAX_PLAINTEXT = 1 << 14;

    /** 2^14 + 2048: the largest TLSCiphertext.fragment the RFCs allow. */
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

    /** Header bytes of every record: type, version, length. */
    public static final int HEADER_LENGTH = 5;

    /** The largest record on the wire: what an input buffer must be able to hold. */
    public static final int MAX_RECORD_SIZE = HEADER_LENGTH + MAX_CIPHERTEXT;

    /** 2^14 plaintext per record; 32 empty records in a row. */
    public static final RecordLimits DEFAULT = new RecordLimits(MAX_PLAINTEXT, 32);

    public RecordLimits {
        if (maxPlaintext < 1 || maxPlaintext > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("maxPlaintext must be 1.." + MAX_PLAINTEXT + ": " + maxPlaintext);
        }
        if (maxEmptyRecords < 0) {
            throw new IllegalArgumentException("maxEmptyRecords must not be negative: " + maxEmptyRecords);
        }
    }

    public RecordLimits withMaxPlaintext(int n) {
        return new RecordLimits(n, maxEmptyRecords);
    }

    public RecordLimits withMaxEmptyRecords(int n) {
        return new RecordLimits(maxPlaintext, n);
    }
}
