package io.sslkit.cipher.rc2.internal;

import io.sslkit.api.spi.AbstractBulkCipher;
import io.sslkit.api.spi.CbcCipherInstance;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.params.RC2Parameters;

/**
 * RC2 (RFC 2268) in CBC mode through Bouncy Castle's engine, for any key length and any number of effective key
 * bits. RC2's key expansion takes the effective key bits as a parameter separate from the key (RFC 2268 §2), so the
 * same 16-byte key gives a different cipher for every value; a suite must therefore name both.
 */
class Rc2Cipher extends AbstractBulkCipher {
    static final int BLOCK_SIZE = 8;

    private final int rc2EffectiveBits;

    /**
     * The strength a policy sees is bounded by the secret key material as much as by RC2's effective key bits.
     *
     * @param rc2EffectiveBits the effective key bits T1 of RFC 2268 §2, 1..1024
     */
    Rc2Cipher(String name, int keyMaterialLength, int keyLength, boolean exportable, int rc2EffectiveBits) {
        super(name, Type.BLOCK, keyMaterialLength, checkedKeyLength(keyLength), BLOCK_SIZE, BLOCK_SIZE, exportable,
                Math.min(checkedEffectiveBits(rc2EffectiveBits), keyMaterialLength * 8));
        this.rc2EffectiveBits = rc2EffectiveBits;
    }

    private static int checkedKeyLength(int keyLength) {
        if (keyLength < 1 || keyLength > 128) {
            throw new IllegalArgumentException("RC2 keys are 1 to 128 bytes, not " + keyLength);
        }
        return keyLength;
    }

    private static int checkedEffectiveBits(int rc2EffectiveBits) {
        if (rc2EffectiveBits < 1 || rc2EffectiveBits > 1024) {
            throw new IllegalArgumentException("RC2 effective key bits are 1 to 1024, not " + rc2EffectiveBits);
        }
        return rc2EffectiveBits;
    }

    @Override
    protected CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv) {
        RC2Engine engine = new RC2Engine();
        engine.init(encrypt, new RC2Parameters(key, rc2EffectiveBits));
        return new CbcCipherInstance(engine::processBlock, BLOCK_SIZE, encrypt, iv);
    }
}
