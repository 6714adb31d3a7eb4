package io.sslkit.api.spi;

/** A running digest computation. Not thread-safe. */
public interface DigestInstance {
    void update(byte b);

    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Writes the digest to {@code out} at {@code offset} and resets this instance. */
    void digest(byte[] out, int offset);

    /** Returns the digest and resets this instance. */
    byte[] digest();

    void reset();

    /** An independent copy of the current state (handshake transcripts need running hashes). */
    DigestInstance copy();
}
