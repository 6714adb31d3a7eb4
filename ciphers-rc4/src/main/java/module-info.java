/** RC4 (ARCFOUR): the RC4_128 and export RC4_40 stream ciphers. */
module io.sslkit.cipher.rc4 {
    requires io.sslkit.api;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.rc4.internal.Rc4Cipher128, io.sslkit.cipher.rc4.internal.Rc4Cipher40;
}
