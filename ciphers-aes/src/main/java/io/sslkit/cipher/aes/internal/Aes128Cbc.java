package io.sslkit.cipher.aes.internal;

/** AES_128_CBC: AES with a 128-bit key (RFC 5246 Appendix C). */
public final class Aes128Cbc extends AesCbcCipher {
    public Aes128Cbc() {
        super("AES_128_CBC", 16);
    }
}
