package io.sslkit.cipher.rc2.internal;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.params.RC2Parameters;

/**
 * RC2 (RFC 2268) in CBC mode through Bouncy Castle's engine, for any key length and any number of effective key
 * bits. RC2's key expansion takes the effective key bits as a parameter separate from the key (RFC 2268 §2), so the
 * same 16-byte key gives a different cipher for every value; a suite must therefore name both.
 */
class Rc2Cipher implements BulkCipher {
    static final int BLOCK_SIZE = 8;

    private final String name;
    private final int keyMaterialLength;
    private final int keyLength;
    private final boolean exportable;
    private final int rc2EffectiveBits;

    /**
     * @param rc2EffectiveBits the effective key bits T1 of RFC 2268 §2, 1..1024
     */
    Rc2Cipher(String name, int keyMaterialLength, int keyLength, boolean exportable, int rc2EffectiveBits) {
        if (keyLength < 1 || keyLength > 128) {
            throw new IllegalArgumentException("RC2 keys are 1 to 128 bytes, not " + keyLength);
        }
        if (rc2EffectiveBits < 1 || rc2EffectiveBits > 1024) {
            throw new IllegalArgumentException("RC2 effective key bits are 1 to 1024, not " + rc2EffectiveBits);
        }
        this.name = name;
        this.keyMaterialLength = keyMaterialLength;
        this.keyLength = keyLength;
        this.exportable = exportable;
        this.rc2EffectiveBits = rc2EffectiveBits;
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
        return exportable;
    }

    /** The secret key material bounds the strength as much as RC2's effective key bits do. */
    @Override
    public int effectiveKeyBits() {
        return Math.min(rc2EffectiveBits, keyMaterialLength * 8);
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (key == null || key.length != keyLength) {
            throw new IllegalArgumentException(name + " needs a " + keyLength + "-byte key, got "
                    + (key == null ? "none" : key.length));
        }
        if (iv == null || iv.length != BLOCK_SIZE) {
            throw new IllegalArgumentException(name + " needs an " + BLOCK_SIZE + "-byte IV, got "
                    + (iv == null ? "none" : iv.length));
        }
        return new CbcCipherInstance(new RC2Engine(), encrypt, new RC2Parameters(key, rc2EffectiveBits), iv);
    }
}
