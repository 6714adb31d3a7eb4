/** RC2 in CBC mode: the export cipher RC2_CBC_40. */
module io.sslkit.cipher.rc2 {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.rc2.internal.Rc2Cbc40;
}
