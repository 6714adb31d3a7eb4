package io.sslkit.api;

import static io.sslkit.api.ProtocolVersion.SSL_3_0;
import static io.sslkit.api.ProtocolVersion.TLS_1_0;
import static io.sslkit.api.ProtocolVersion.TLS_1_1;
import static io.sslkit.api.ProtocolVersion.TLS_1_2;

import java.util.List;
import java.util.Optional;

/**
 * The well-known suites of SSL 3.0 (RFC 6101 Appendix A.6) and TLS 1.0-1.2 (RFC 2246, 4346, 5246, 3268) that
 * sslkit's algorithm modules can compose. The order is the default server preference. Modules may contribute
 * suites that this table lacks through {@link io.sslkit.api.spi.CipherSuiteProvider}.
 */
public final class CipherSuites {
    /** Signalling suite values; never negotiated, only offered. */
    public static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;
    public static final int TLS_FALLBACK_SCSV = 0x5600;

    private static final String SHA256 = "SHA256";

    public static final List<CipherSuite> WELL_KNOWN = List.of(
            // TLS 1.2 SHA-2 suites (ciphers-aes, ciphers-sha2)
            suite(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256", "RSA", "AES_256_CBC", "SHA256", TLS_1_2, TLS_1_2, "AES256-SHA256"),
            suite(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256", "RSA", "AES_128_CBC", "SHA256", TLS_1_2, TLS_1_2, "AES128-SHA256"),
            suite(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "DHE_DSS", "AES_256_CBC", "SHA256", TLS_1_2, TLS_1_2, "DHE-DSS-AES256-SHA256"),
            suite(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "DHE_DSS", "AES_128_CBC", "SHA256", TLS_1_2, TLS_1_2, "DHE-DSS-AES128-SHA256"),
            // AES with SHA-1 (RFC 3268), TLS 1.0 on
            suite(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", "RSA", "AES_256_CBC", "SHA", TLS_1_0, TLS_1_2, "AES256-SHA"),
            suite(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", "RSA", "AES_128_CBC", "SHA", TLS_1_0, TLS_1_2, "AES128-SHA"),
            suite(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "DHE_DSS", "AES_256_CBC", "SHA", TLS_1_0, TLS_1_2, "DHE-DSS-AES256-SHA"),
            suite(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "DHE_DSS", "AES_128_CBC", "SHA", TLS_1_0, TLS_1_2, "DHE-DSS-AES128-SHA"),
            // the seed's algorithms (RFC 6101 Appendix A.6)
            suite(0x000A, "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "RSA", "3DES_EDE_CBC", "SHA", SSL_3_0, TLS_1_2, "DES-CBC3-SHA"),
            suite(0x0013, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "DHE_DSS", "3DES_EDE_CBC", "SHA", SSL_3_0, TLS_1_2, "EDH-DSS-DES-CBC3-SHA"),
            suite(0x0005, "SSL_RSA_WITH_RC4_128_SHA", "RSA", "RC4_128", "SHA", SSL_3_0, TLS_1_2, "RC4-SHA"),
            suite(0x0004, "SSL_RSA_WITH_RC4_128_MD5", "RSA", "RC4_128", "MD5", SSL_3_0, TLS_1_2, "RC4-MD5"),
            // single DES is gone from TLS 1.2 (RFC 5246 Appendix C)
            suite(0x0009, "SSL_RSA_WITH_DES_CBC_SHA", "RSA", "DES_CBC", "SHA", SSL_3_0, TLS_1_1, "DES-CBC-SHA"),
            suite(0x0012, "SSL_DHE_DSS_WITH_DES_CBC_SHA", "DHE_DSS", "DES_CBC", "SHA", SSL_3_0, TLS_1_1, "EDH-DSS-DES-CBC-SHA"),
            // Fortezza: SSL 3.0 only; TLS reused 0x001E for Kerberos (RFC 2712)
            suite(0x001D, "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", "FORTEZZA_KEA", "SKIPJACK_CBC", "SHA", SSL_3_0, SSL_3_0, null),
            suite(0x001E, "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA", "FORTEZZA_KEA", "RC4_128", "SHA", SSL_3_0, SSL_3_0, null),
            suite(0x001C, "SSL_FORTEZZA_KEA_WITH_NULL_SHA", "FORTEZZA_KEA", "NULL", "SHA", SSL_3_0, SSL_3_0, null),
            // export suites: never above TLS 1.0 (RFC 4346 §A.5)
            suite(0x0003, "SSL_RSA_EXPORT_WITH_RC4_40_MD5", "RSA_EXPORT", "RC4_40", "MD5", SSL_3_0, TLS_1_0, "EXP-RC4-MD5"),
            suite(0x0006, "SSL_RSA_EXPORT_WITH_RC2_CBC_40_MD5", "RSA_EXPORT", "RC2_CBC_40", "MD5", SSL_3_0, TLS_1_0, "EXP-RC2-CBC-MD5"),
            suite(0x0008, "SSL_RSA_EXPORT_WITH_DES40_CBC_SHA", "RSA_EXPORT", "DES40_CBC", "SHA", SSL_3_0, TLS_1_0, "EXP-DES-CBC-SHA"),
            suite(0x0011, "SSL_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA", "DHE_DSS_EXPORT", "DES40_CBC", "SHA", SSL_3_0, TLS_1_0, "EXP-EDH-DSS-DES-CBC-SHA"),
            // no encryption at all
            suite(0x003B, "TLS_RSA_WITH_NULL_SHA256", "RSA", "NULL", "SHA256", TLS_1_2, TLS_1_2, "NULL-SHA256"),
            suite(0x0002, "SSL_RSA_WITH_NULL_SHA", "RSA", "NULL", "SHA", SSL_3_0, TLS_1_2, "NULL-SHA"),
            suite(0x0001, "SSL_RSA_WITH_NULL_MD5", "RSA", "NULL", "MD5", SSL_3_0, TLS_1_2, "NULL-MD5"));

    private CipherSuites() {
    }

    private static CipherSuite suite(int code, String name, String kx, String cipher, String mac,
                                     ProtocolVersion min, ProtocolVersion max, String openssl) {
        return new CipherSuite(code, name, kx, cipher, mac, min, max, SHA256, openssl);
    }

    /**
     * Finds a well-known suite by standard name (SSL_ or TLS_ prefix accepted for either), by OpenSSL name, or by
     * hex code ("0x0004").
     */
    public static Optional<CipherSuite> byName(String name) {
        return find(WELL_KNOWN, name);
    }

    /** The same lookup over any list of suites, e.g. what a registry makes available now. */
    public static Optional<CipherSuite> find(List<CipherSuite> suites, String name) {
        String n = name.trim();
        for (CipherSuite s : suites) {
            if (matches(s, n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(CipherSuite s, String n) {
        if (s.name().equalsIgnoreCase(n) || (s.opensslName() != null && s.opensslName().equalsIgnoreCase(n))
                || s.codeString().equalsIgnoreCase(n)) {
            return true;
        }
        return alternatePrefix(s.name()).equalsIgnoreCase(n);
    }

    /** SSL_RSA_WITH_RC4_128_MD5 and TLS_RSA_WITH_RC4_128_MD5 name the same suite (JSSE vs IANA). */
    private static String alternatePrefix(String name) {
        if (name.startsWith("SSL_")) {
            return "TLS_" + name.substring(4);
        }
        if (name.startsWith("TLS_")) {
            return "SSL_" + name.substring(4);
        }
        return name;
    }
}
