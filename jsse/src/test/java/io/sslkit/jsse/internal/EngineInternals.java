package io.sslkit.jsse.internal;

import javax.net.ssl.SSLEngine;

/** What an SSLKIT engine holds, for the tests in io.sslkit.jsse (the engine class is not public). */
public final class EngineInternals {
    private EngineInternals() {
    }

    public static int retainedBufferBytes(SSLEngine engine) {
        return ((SslkitEngine) engine).retainedBufferBytes();
    }
}
