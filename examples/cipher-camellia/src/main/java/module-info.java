/**
 * Camellia (RFC 3713) for sslkit: the CAMELLIA_128_CBC and CAMELLIA_256_CBC bulk ciphers and the TLS suites that
 * use them (RFC 5932), which sslkit's well-known table lacks. Everything lives in an internal package: a plugin
 * exports nothing, it only provides services.
 */
module io.sslkit.examples.camellia {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    provides io.sslkit.api.spi.BulkCipher with
            io.sslkit.examples.camellia.internal.Camellia128Cbc,
            io.sslkit.examples.camellia.internal.Camellia256Cbc;
    provides io.sslkit.api.spi.CipherSuiteProvider with
            io.sslkit.examples.camellia.internal.CamelliaSuites;
}
