package io.sslkit.interop;

import io.sslkit.api.ProtocolVersion;
import java.util.regex.Pattern;

/** GnuTLS priority strings that allow exactly one version and one suite. */
final class Gnutls {
    private Gnutls() {
    }

    static String version(ProtocolVersion v) {
        return switch (v) {
            case TLS_1_0 -> "VERS-TLS1.0";
            case TLS_1_1 -> "VERS-TLS1.1";
            case TLS_1_2 -> "VERS-TLS1.2";
            case SSL_3_0 -> throw new IllegalArgumentException("GnuTLS 3.7 has no SSL 3.0");
        };
    }

    /** An RSA key exchange suite, e.g. ("ARCFOUR-128", "MD5"). */
    static String rsa(ProtocolVersion v, String cipher, String mac) {
        return "NONE:+" + version(v) + ":+RSA:+" + cipher + ":+" + mac + ":+COMP-NULL:+SIGN-ALL:+CTYPE-X509";
    }

    /**
     * A DHE_DSS suite. SIGN-ALL does not bring in the DSA signature algorithms, so they are named; SHA-1 stays
     * allowed for the TLS 1.0/1.1 ServerKeyExchange and CertificateVerify, which are SHA-1 by definition.
     */
    static String dheDss(ProtocolVersion v, String cipher, String mac) {
        return "NONE:+" + version(v) + ":+DHE-DSS:+" + cipher + ":+" + mac
                + ":+COMP-NULL:+SIGN-DSA-SHA1:+SIGN-DSA-SHA256:+CTYPE-X509:%VERIFY_ALLOW_SIGN_WITH_SHA1";
    }

    /**
     * The "- Description:" line gnutls-cli and gnutls-serv print for a session. For DHE they name the group in place
     * of the key exchange, e.g. (DHE-FFDHE2048) or (DHE-CUSTOM2048), so the key exchange is matched as a prefix;
     * at TLS 1.2 the signature algorithm follows as its own group.
     */
    static Pattern description(ProtocolVersion v, String kx, String cipher, String mac) {
        String version = switch (v) {
            case TLS_1_0 -> "TLS1.0";
            case TLS_1_1 -> "TLS1.1";
            case TLS_1_2 -> "TLS1.2";
            case SSL_3_0 -> "SSL3.0";
        };
        String kxPattern = kx.equals("DHE") ? "DHE-[A-Z0-9-]+" : Pattern.quote(kx);
        // TLS 1.2 descriptions name the ServerKeyExchange signature too: ...-(DHE-CUSTOM2048)-(DSA-SHA1)-...
        return Pattern.compile("(?m)^- Description: " + Pattern.quote("(" + version + "-X.509)-(") + kxPattern
                + "\\)(?:-\\([A-Z0-9-]+\\))?" + Pattern.quote("-(" + cipher + ")-(" + mac + ")") + "$");
    }
}
