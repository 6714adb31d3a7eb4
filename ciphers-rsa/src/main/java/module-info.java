/** RSA: PKCS #1 v1.5 signatures and the RSA and RSA_EXPORT key exchanges. */
module io.sslkit.cipher.rsa {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.KeyExchange with io.sslkit.cipher.rsa.internal.RsaKeyExchange,
            io.sslkit.cipher.rsa.internal.RsaExportKeyExchange;
    provides io.sslkit.api.spi.SignatureAlgorithm with io.sslkit.cipher.rsa.internal.RsaSignature;
}
