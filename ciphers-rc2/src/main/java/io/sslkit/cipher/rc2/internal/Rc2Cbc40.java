package io.sslkit.cipher.rc2.internal;

/**
 * RC2_CBC_40, the export cipher: 5 secret bytes, which the handshake expands to the 16-byte key (RFC 6101 §6.2.2)
 * that RC2 is keyed with, at 40 effective key bits.
 */
public final class Rc2Cbc40 extends Rc2Cipher {
    public Rc2Cbc40() {
        super("RC2_CBC_40", 5, 16, true, 40);
    }
}
