/**
 * KEA, the Key Exchange Algorithm of the NIST "SKIPJACK and KEA Algorithm Specifications" v2.0 (1998). The
 * primitive and the Fortezza message formats of RFC 6101; no FORTEZZA_KEA key exchange is registered yet, because
 * the client-generated write keys of the Fortezza suites need an SPI the handshake does not offer (issue 7).
 */
module io.sslkit.cipher.kea {
    requires io.sslkit.api;
    requires org.bouncycastle.provider;
}
