package io.sslkit.cipher.des.internal;

import io.sslkit.api.spi.AbstractBulkCipher;
import io.sslkit.api.spi.CbcCipherInstance;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * DES in CBC mode through Bouncy Castle's lightweight engine, which was measured faster than the JDK's JCE for DES
 * on this kind of machine (issue 10). The 8-byte key includes the parity bits, which DES ignores.
 */
abstract class DesCipher extends AbstractBulkCipher {
    static final int KEY_LENGTH = 8;
    static final int BLOCK_SIZE = 8;

    DesCipher(String name, int keyMaterialLength, boolean exportable, int effectiveKeyBits) {
        super(name, Type.BLOCK, keyMaterialLength, KEY_LENGTH, BLOCK_SIZE, BLOCK_SIZE, exportable, effectiveKeyBits);
    }

    @Override
    protected CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv) {
        DESEngine engine = new DESEngine();
        engine.init(encrypt, new KeyParameter(key));
        return new CbcCipherInstance(engine::processBlock, BLOCK_SIZE, encrypt, iv);
    }
}
