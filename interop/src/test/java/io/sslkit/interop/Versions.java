package io.sslkit.interop;

import io.sslkit.api.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/** The versions every live peer here speaks, and a small list helper for building command lines. */
final class Versions {
    /** OpenSSL 3 and GnuTLS 3.7 on Debian have no SSL 3.0; SunJSSE's SSL 3.0 is covered in the handshake module. */
    static final List<ProtocolVersion> TLS = List.of(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_1,
            ProtocolVersion.TLS_1_2);

    private Versions() {
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... parts) {
        List<T> out = new ArrayList<>();
        for (List<T> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
