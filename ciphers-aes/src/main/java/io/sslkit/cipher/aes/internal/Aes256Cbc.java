package io.sslkit.cipher.aes.internal;

/** AES_256_CBC: AES with a 256-bit key (RFC 5246 Appendix C). */
public final class Aes256Cbc extends AesCbcCipher {
    public Aes256Cbc() {
        super("AES_256_CBC", 32);
    }
}
