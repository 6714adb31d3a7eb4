package io.sslkit.api.spi;

/**
 * A bulk (record) cipher: a stream cipher, or a block cipher used in CBC mode. A plugin module provides
 * implementations with {@code provides io.sslkit.api.spi.BulkCipher with ...}.
 *
 * <p>Key sizes follow RFC 6101 §A.7: {@link #keyMaterialLength()} bytes come from the key_block; an exportable
 * cipher then expands them to {@link #keyLength()} bytes (the export derivation of §6.2.2).
 */
public interface BulkCipher {

    enum Type { STREAM, BLOCK }

    /** Name used in suite definitions, e.g. "RC4_128", "DES_CBC", "3DES_EDE_CBC", "RC2_CBC_40". */
    String name();

    Type type();

    /** Bytes of key taken from the key_block (5 for the 40-bit export ciphers). */
    int keyMaterialLength();

    /** Bytes of key the cipher is keyed with (after export expansion; equal to key material otherwise). */
    int keyLength();

    /** Bytes of IV (0 for stream ciphers). */
    int ivLength();

    /** Block size in bytes (1 for stream ciphers). */
    int blockSize();

    /** True for the 40-bit export ciphers. */
    boolean exportable();

    /** The key strength in bits, as a policy judges it (40 for export, 56 for DES, 112 for 3DES...). */
    int effectiveKeyBits();

    /**
     * A keyed instance. Block ciphers run in CBC mode and keep the chaining value from one call to the next, as a
     * record layer needs.
     */
    CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv);
}
