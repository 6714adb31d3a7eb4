package io.sslkit.interop;

import io.sslkit.api.ProtocolVersion;
import java.util.List;

/** What s_server and s_client share: version flags and cipher strings. */
final class OpenSsl {
    private OpenSsl() {
    }

    /** -tls1, -tls1_1, -tls1_2: OpenSSL 3 on Debian has no SSL 3.0 at all. */
    static String versionFlag(ProtocolVersion v) {
        return switch (v) {
            case TLS_1_0 -> "-tls1";
            case TLS_1_1 -> "-tls1_1";
            case TLS_1_2 -> "-tls1_2";
            case SSL_3_0 -> throw new IllegalArgumentException("OpenSSL 3 has no SSL 3.0");
        };
    }

    /** Security level 0, because TLS 1.0/1.1, NULL and SHA-1 suites are below OpenSSL 3's default level 1. */
    static List<String> cipher(String opensslName) {
        return List.of("-cipher", opensslName + ":@SECLEVEL=0");
    }
}
