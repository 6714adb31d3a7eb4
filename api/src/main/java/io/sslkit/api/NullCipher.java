package io.sslkit.api;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;

/** The NULL cipher of the *_WITH_NULL_* suites: always present, it needs no module. */
final class NullCipher implements BulkCipher {
    static final String NAME = "NULL";
    static final NullCipher INSTANCE = new NullCipher();

    private NullCipher() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Type type() {
        return Type.STREAM;
    }

    @Override
    public int keyMaterialLength() {
        return 0;
    }

    @Override
    public int keyLength() {
        return 0;
    }

    @Override
    public int ivLength() {
        return 0;
    }

    @Override
    public int blockSize() {
        return 1;
    }

    @Override
    public boolean exportable() {
        return false;
    }

    @Override
    public int effectiveKeyBits() {
        return 0;
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        return (in, inOffset, length, out, outOffset) -> {
            if (in != out || inOffset != outOffset) {
                System.arraycopy(in, inOffset, out, outOffset, length);
            }
        };
    }
}
