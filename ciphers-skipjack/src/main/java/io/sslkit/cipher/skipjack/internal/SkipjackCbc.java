package io.sslkit.cipher.skipjack.internal;

import io.sslkit.api.spi.AbstractBulkCipher;
import io.sslkit.api.spi.CbcCipherInstance;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SKIPJACK_CBC (NIST "SKIPJACK and KEA Algorithm Specifications" v2.0): an 80-bit key, 64-bit blocks, CBC mode, as
 * the Fortezza suites of RFC 6101 use it. With Fortezza KEA the key and IV come from the key exchange rather than
 * the key_block, but the cipher itself is keyed the same way.
 */
public final class SkipjackCbc extends AbstractBulkCipher {
    private static final int KEY_LENGTH = 10;
    private static final int BLOCK_SIZE = 8;

    public SkipjackCbc() {
        super("SKIPJACK_CBC", Type.BLOCK, KEY_LENGTH, KEY_LENGTH, BLOCK_SIZE, BLOCK_SIZE, false, 80);
    }

    @Override
    protected CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv) {
        SkipjackEngine engine = new SkipjackEngine();
        engine.init(encrypt, new KeyParameter(key));
        return new CbcCipherInstance(engine::processBlock, BLOCK_SIZE, encrypt, iv);
    }
}
