/** DSA signatures and the ephemeral Diffie-Hellman key exchanges DHE_DSS and DHE_DSS_EXPORT. */
module io.sslkit.cipher.dsa {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.KeyExchange with io.sslkit.cipher.dsa.internal.DheDssKeyExchange,
            io.sslkit.cipher.dsa.internal.DheDssExportKeyExchange;
    provides io.sslkit.api.spi.SignatureAlgorithm with io.sslkit.cipher.dsa.internal.DsaSignature;
}
