package io.sslkit.cipher.des.internal;

/** DES_CBC: single DES with its full 56-bit key. */
public final class DesCbc extends DesCipher {
    public DesCbc() {
        super("DES_CBC", KEY_LENGTH, false, 56);
    }
}
