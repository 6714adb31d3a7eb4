package io.sslkit.cli.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.SslListener;

/**
 * One listener for a server's single configuration that passes each event to the trace of the connection whose
 * thread reports it: a server connection does all its I/O, and so all its events, on its own thread.
 */
final class ThreadTrace implements SslListener {
    private final ThreadLocal<SslListener> current = ThreadLocal.withInitial(() -> SslListener.NONE);

    void attach(SslListener listener) {
        current.set(listener);
    }

    void detach() {
        current.remove();
    }

    @Override
    public void handshakeStep(HandshakeStep step, String detail) {
        current.get().handshakeStep(step, detail);
    }

    @Override
    public void handshakeMessage(boolean sent, String type, int length) {
        current.get().handshakeMessage(sent, type, length);
    }

    @Override
    public void alert(boolean sent, AlertLevel level, AlertDescription description) {
        current.get().alert(sent, level, description);
    }
}
