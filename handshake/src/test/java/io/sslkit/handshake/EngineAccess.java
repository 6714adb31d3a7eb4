package io.sslkit.handshake;

import io.sslkit.handshake.internal.Connection;

/**
 * Lets tests in {@code io.sslkit.handshake.internal} reach an engine's package-private parts: its connection (whose
 * test-only fuzzer mode they switch on) and its handshake count. Test sources only.
 */
public final class EngineAccess {
    private EngineAccess() {
    }

    public static Connection connection(SslEngine engine) {
        return engine.connection();
    }

    public static int completedHandshakes(SslEngine engine) {
        return engine.completedHandshakes();
    }
}
