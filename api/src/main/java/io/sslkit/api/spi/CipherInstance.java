package io.sslkit.api.spi;

/** A keyed bulk cipher for one direction of one connection. Not thread-safe. */
public interface CipherInstance {
    /**
     * Encrypts or decrypts {@code length} bytes. For block ciphers {@code length} is a multiple of the block size
     * and the CBC chaining value carries over to the next call. {@code in} and {@code out} may be the same array at
     * the same offset.
     */
    void process(byte[] in, int inOffset, int length, byte[] out, int outOffset);
}
