package io.sslkit.cipher.aes.internal;

import io.sslkit.api.spi.AbstractBulkCipher;
import io.sslkit.api.spi.CipherInstance;

/**
 * AES in CBC mode through the JDK's JCE, whose AES-NI intrinsics were measured many times faster than Bouncy
 * Castle's lightweight engine on this kind of machine (issue 10).
 */
abstract class AesCbcCipher extends AbstractBulkCipher {
    static final int BLOCK_SIZE = 16;

    AesCbcCipher(String name, int keyLength) {
        super(name, Type.BLOCK, keyLength, keyLength, BLOCK_SIZE, BLOCK_SIZE, false, keyLength * 8);
    }

    @Override
    protected CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv) {
        return new JceCbcInstance(encrypt, key, iv);
    }
}
