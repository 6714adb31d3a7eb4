package io.sslkit.cipher.rc4.internal;

/** RC4 with a 128-bit key (RC4_128). */
public final class Rc4Cipher128 extends Rc4Cipher {
    public Rc4Cipher128() {
        super("RC4_128", 16, 16, false, 128);
    }
}
