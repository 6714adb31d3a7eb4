package io.sslkit.cipher.des.internal;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * DES in CBC mode through Bouncy Castle's lightweight engine, which was measured faster than the JDK's JCE for DES
 * on this kind of machine (issue 10). The 8-byte key includes the parity bits, which DES ignores.
 */
abstract class DesCipher implements BulkCipher {
    static final int KEY_LENGTH = 8;
    static final int BLOCK_SIZE = 8;

    private final String name;
    private final int keyMaterialLength;
    private final boolean exportable;
    private final int effectiveKeyBits;

    DesCipher(String name, int keyMaterialLength, boolean exportable, int effectiveKeyBits) {
        this.name = name;
        this.keyMaterialLength = keyMaterialLength;
        this.exportable = exportable;
        this.effectiveKeyBits = effectiveKeyBits;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type type() {
        return Type.BLOCK;
    }

    @Override
    public int keyMaterialLength() {
        return keyMaterialLength;
    }

    @Override
    public int keyLength() {
        return KEY_LENGTH;
    }

    @Override
    public int ivLength() {
        return BLOCK_SIZE;
    }

    @Override
    public int blockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public boolean exportable() {
        return exportable;
    }

    @Override
    public int effectiveKeyBits() {
        return effectiveKeyBits;
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(name + " needs an " + KEY_LENGTH + "-byte key, got "
                    + (key == null ? "none" : key.length));
        }
        if (iv == null || iv.length != BLOCK_SIZE) {
            throw new IllegalArgumentException(name + " needs an " + BLOCK_SIZE + "-byte IV, got "
                    + (iv == null ? "none" : iv.length));
        }
        return new CbcCipherInstance(new DESEngine(), encrypt, new KeyParameter(key), iv);
    }
}
