package io.sslkit.cipher.aes.internal;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;

/**
 * AES in CBC mode through the JDK's JCE, whose AES-NI intrinsics were measured many times faster than Bouncy
 * Castle's lightweight engine on this kind of machine (issue 10).
 */
abstract class AesCbcCipher implements BulkCipher {
    static final int BLOCK_SIZE = 16;

    private final String name;
    private final int keyLength;

    AesCbcCipher(String name, int keyLength) {
        this.name = name;
        this.keyLength = keyLength;
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
        return keyLength;
    }

    @Override
    public int keyLength() {
        return keyLength;
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
        return false;
    }

    @Override
    public int effectiveKeyBits() {
        return keyLength * 8;
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (key == null || key.length != keyLength) {
            throw new IllegalArgumentException(name + " needs a " + keyLength + "-byte key, got "
                    + (key == null ? "none" : key.length));
        }
        if (iv == null || iv.length != BLOCK_SIZE) {
            throw new IllegalArgumentException(name + " needs a " + BLOCK_SIZE + "-byte IV, got "
                    + (iv == null ? "none" : iv.length));
        }
        return new JceCbcInstance(encrypt, key, iv);
    }
}
