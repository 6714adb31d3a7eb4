package io.sslkit.api.spi;

import java.util.Objects;

/**
 * The parameters every {@link BulkCipher} reports, held once, and the key and IV checks that
 * {@link #newInstance(boolean, byte[], byte[])} owes the record layer; a subclass supplies only the keyed
 * instance. A wrong key or IV length means the key_block was cut wrongly (RFC 6101 §6.2.2), a bug rather than a peer's
 * fault, hence IllegalArgumentException and not an alert.
 */
public abstract class AbstractBulkCipher implements BulkCipher {
    private final String name;
    private final Type type;
    private final int keyMaterialLength;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final boolean exportable;
    private final int effectiveKeyBits;

    /**
     * @param keyMaterialLength bytes taken from the key_block, at most {@code keyLength}
     * @param keyLength bytes the cipher is keyed with
     * @param ivLength bytes of IV; 0 for a stream cipher
     * @param blockSize bytes per block; 1 for a stream cipher
     */
    protected AbstractBulkCipher(String name, Type type, int keyMaterialLength, int keyLength, int ivLength,
                                 int blockSize, boolean exportable, int effectiveKeyBits) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (keyMaterialLength < 0 || keyMaterialLength > keyLength) {
            throw new IllegalArgumentException(name + ": key material of " + keyMaterialLength
                    + " bytes does not fit a key of " + keyLength + " bytes");
        }
        if (ivLength < 0 || blockSize < 1 || effectiveKeyBits < 0) {
            throw new IllegalArgumentException(name + ": negative IV length, block size below 1 or negative strength");
        }
        if (type == Type.STREAM && (ivLength != 0 || blockSize != 1)) {
            // the record layer pads and chains by these values (RFC 5246 §6.2.3.1), so a stream cipher must not set them
            throw new IllegalArgumentException(name + ": a stream cipher has no IV and a block size of 1");
        }
        this.keyMaterialLength = keyMaterialLength;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.exportable = exportable;
        this.effectiveKeyBits = effectiveKeyBits;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Type type() {
        return type;
    }

    @Override
    public final int keyMaterialLength() {
        return keyMaterialLength;
    }

    @Override
    public final int keyLength() {
        return keyLength;
    }

    @Override
    public final int ivLength() {
        return ivLength;
    }

    @Override
    public final int blockSize() {
        return blockSize;
    }

    @Override
    public final boolean exportable() {
        return exportable;
    }

    @Override
    public final int effectiveKeyBits() {
        return effectiveKeyBits;
    }

    /**
     * Checks that {@code key} has {@link #keyLength()} bytes and, for a cipher with an IV, that {@code iv} has
     * {@link #ivLength()} bytes, then asks the subclass. A stream cipher ignores whatever IV it is given, as the
     * key_block yields none for it.
     *
     * @throws IllegalArgumentException when the key or IV is missing or of the wrong length
     */
    @Override
    public final CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (key == null || key.length != keyLength) {
            throw new IllegalArgumentException(name + " needs a key of " + keyLength + " bytes, got "
                    + (key == null ? "none" : key.length));
        }
        if (ivLength > 0 && (iv == null || iv.length != ivLength)) {
            throw new IllegalArgumentException(name + " needs an IV of " + ivLength + " bytes, got "
                    + (iv == null ? "none" : iv.length));
        }
        return newKeyedInstance(encrypt, key, iv);
    }

    /**
     * A keyed instance; {@code key} and (for a cipher with an IV) {@code iv} have been checked for length. Neither
     * array may be kept: the caller may wipe them.
     */
    protected abstract CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv);
}
