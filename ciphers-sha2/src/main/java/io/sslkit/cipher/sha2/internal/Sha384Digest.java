package io.sslkit.cipher.sha2.internal;

/** SHA-384: 48-byte output, 128-byte blocks (it is SHA-512 truncated, with its own initial value). */
public final class Sha384Digest extends Sha2Digest {
    public Sha384Digest() {
        super("SHA384", "SHA-384", 48, 128, Sha384Compression::new);
    }
}
