package io.sslkit.api.spi;

/**
 * A message digest; the record layer builds the SSL 3.0 MAC and HMAC from it, the handshake its hashes and PRFs.
 */
public interface Digest {
    /** Name used in suite definitions: "MD5", "SHA" (SHA-1), "SHA256", "SHA384". */
    String name();

    /** Output length in bytes. */
    int length();

    /** Internal block length in bytes, as HMAC needs it. */
    int blockLength();

    /**
     * Number of pad_1/pad_2 bytes of the SSL 3.0 MAC (RFC 6101 §5.2.3.1): 48 for MD5, 40 for SHA; 0 for a digest
     * that SSL 3.0 does not define a MAC for.
     */
    int ssl3PadLength();

    DigestInstance newInstance();

    /**
     * A fresh compression function of this hash, for the record layer's constant-time MAC check over CBC records;
     * null (the default) when the module offers none. The record layer then falls back to hashing with
     * {@link #newInstance()} and evening out the number of compressions, which leaves nanosecond-scale differences.
     */
    default CompressionFunction newCompressionFunction() {
        return null;
    }
}
