package io.sslkit.handshake.internal;

import java.util.HexFormat;

/** Hex for log lines and listener details (randoms, session ids: never secrets). */
final class Hex {
    private Hex() {
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
