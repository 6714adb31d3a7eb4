/** SKIPJACK in CBC mode: SKIPJACK_CBC, the bulk cipher of the Fortezza suites. */
module io.sslkit.cipher.skipjack {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.skipjack.internal.SkipjackCbc;
}
