/** AES (FIPS 197) in CBC mode: AES_128_CBC and AES_256_CBC. */
module io.sslkit.cipher.aes {
    requires io.sslkit.api;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.aes.internal.Aes128Cbc, io.sslkit.cipher.aes.internal.Aes256Cbc;
}
