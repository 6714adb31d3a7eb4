/** Triple DES (EDE, three keys) in CBC mode: 3DES_EDE_CBC. */
module io.sslkit.cipher.tripledes {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.BulkCipher with io.sslkit.cipher.tripledes.internal.TripleDesEdeCbc;
}
