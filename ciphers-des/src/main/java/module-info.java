/** DES in CBC mode: DES_CBC and its 40-bit export form DES40_CBC. */
module io.sslkit.cipher.des {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.des.internal.DesCbc, io.sslkit.cipher.des.internal.Des40Cbc;
}
