package io.sslkit.cipher.tripledes.internal;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * 3DES_EDE_CBC: DES encrypt-decrypt-encrypt under three independent keys (keying option 1 of NIST SP 800-67), in
 * CBC mode. Bouncy Castle's lightweight engine is used because it was measured faster than the JDK's JCE for 3DES on
 * this kind of machine (issue 10). Its strength is rated 112 bits because of the meet-in-the-middle attack.
 */
public final class TripleDesEdeCbc implements BulkCipher {
    private static final String NAME = "3DES_EDE_CBC";
    private static final int KEY_LENGTH = 24;
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
        return 112;
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
        return new CbcCipherInstance(new DESedeEngine(), encrypt, new KeyParameter(key), iv);
    }
}
