package io.sslkit.cipher.des.internal;

/**
 * DES40_CBC, the export form: 5 bytes of key material are secret; the handshake expands them to the 8-byte DES key
 * (RFC 6101 §6.2.2) before keying this cipher, so only 40 bits resist an attacker.
 */
public final class Des40Cbc extends DesCipher {
    public Des40Cbc() {
        super("DES40_CBC", 5, true, 40);
    }
}
