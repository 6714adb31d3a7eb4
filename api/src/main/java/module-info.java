/** sslkit's SPI, value types and algorithm registry. JDK and SLF4J only. */
module io.sslkit.api {
    requires transitive org.slf4j;

    exports io.sslkit.api;
    exports io.sslkit.api.spi;

    uses io.sslkit.api.spi.BulkCipher;
    uses io.sslkit.api.spi.Digest;
    uses io.sslkit.api.spi.KeyExchange;
    uses io.sslkit.api.spi.SignatureAlgorithm;
    uses io.sslkit.api.spi.CipherSuiteProvider;
}
