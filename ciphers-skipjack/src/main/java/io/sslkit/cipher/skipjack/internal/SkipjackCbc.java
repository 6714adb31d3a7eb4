package io.sslkit.cipher.skipjack.internal;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SKIPJACK_CBC (NIST "SKIPJACK and KEA Algorithm Specifications" v2.0): an 80-bit key, 64-bit blocks, CBC mode, as
 * the Fortezza suites of RFC 6101 use it. With Fortezza KEA the key and IV come from the key exchange rather than
 * the key_block, but the cipher itself is keyed the same way.
 */
public final class SkipjackCbc implements BulkCipher {
    private static final String NAME = "SKIPJACK_CBC";
    private static final int KEY_LENGTH = 10;
    private static final int BLOCK_SIZE = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Type type() {
        return Type.BLOCK;
    }

    @Override
    public int keyMaterialLength() {
        return KEY_LENGTH;
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
        return false;
    }

    @Override
    public int effectiveKeyBits() {
        return 80;
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(NAME + " needs a " + KEY_LENGTH + "-byte key, got "
                    + (key == null ? "none" : key.length));
        }
        if (iv == null || iv.length != BLOCK_SIZE) {
            throw new IllegalArgumentException(NAME + " needs an " + BLOCK_SIZE + "-byte IV, got "
                    + (iv == null ? "none" : iv.length));
        }
        return new CbcCipherInstance(new SkipjackEngine(), encrypt, new KeyParameter(key), iv);
    }
}
