package io.sslkit.cipher.sha2.internal;

/** SHA-256: 32-byte output, 64-byte blocks. */
public final class Sha256Digest extends Sha2Digest {
    public Sha256Digest() {
        super("SHA256", "SHA-256", 32, 64, Sha256Compression::new);
    }
}
