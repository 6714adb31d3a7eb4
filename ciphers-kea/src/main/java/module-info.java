/**
 * KEA, the Key Exchange Algorithm of the NIST "SKIPJACK and KEA Algorithm Specifications" v2.0 (1998), and the
 * FORTEZZA_KEA key exchange of SSL 3.0 (RFC 6101) built on it. The one exported type makes KEA credentials for the
 * command line and tests; everything else is internal.
 */
module io.sslkit.cipher.kea {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;

    exports io.sslkit.cipher.kea;

    provides io.sslkit.api.spi.KeyExchange with io.sslkit.cipher.kea.internal.FortezzaKeaKeyExchange;
}
