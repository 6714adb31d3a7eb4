package io.sslkit.cipher.dsa.internal;

import java.math.BigInteger;

/** The Diffie-Hellman groups our server offers. Both primes are safe primes (p = 2q + 1 with q prime). */
enum DhGroup {
    /** ffdhe2048 of RFC 7919 Appendix A.1, generator 2. */
    FFDHE2048(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9"
            + "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB"
            + "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA"
            + "886B423861285C97FFFFFFFFFFFFFFFF"),

    /**
     * The 512-bit group of the export exchange: SunJSSE's default 512-bit DHE group (OpenJDK,
     * sun.security.ssl.PredefinedDHParameterSpecs, "p512"), generator 2, so that our export server offers the same
     * group JSSE does. Logjam (2015) showed such groups are breakable; only the legacy policy admits them.
     */
    EXPORT512(
            "D87780E15FF50B4ABBE89870188B049406B5BEA98AB23A0241D88EA75B7755E669C08093D3F0CA7FC3A5A25CF067DCB9"
            + "A43DD89D1D90921C6328884461E0B6D3");

    private final BigInteger p;
    private final BigInteger g = BigInteger.TWO;

    DhGroup(String primeHex) {
        this.p = new BigInteger(primeHex, 16);
    }

    BigInteger p() {
        return p;
    }

    BigInteger g() {
        return g;
    }
}
