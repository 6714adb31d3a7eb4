package io.sslkit.cipher.rc4.internal;

/** RC4 with 40 secret bits expanded to a 128-bit key (RC4_40, the export form). */
public final class Rc4Cipher40 extends Rc4Cipher {
    public Rc4Cipher40() {
        super("RC4_40", 5, 16, true, 40);
    }
}
