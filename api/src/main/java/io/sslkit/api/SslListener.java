package io.sslkit.api;

/**
 * Observes a connection: every handshake step, every handshake message and every alert. Implementations must be
 * quick and must not throw. Events never carry secrets.
 */
public interface SslListener {
    /** A step of the handshake happened; {@code detail} gives the facts that matter (never a key). */
    default void handshakeStep(HandshakeStep step, String detail) {
    }

    /** A handshake message was sent or received. */
    default void handshakeMessage(boolean sent, String type, int length) {
    }

    /** An alert was sent or received. */
    default void alert(boolean sent, AlertLevel level, AlertDescription description) {
    }

    SslListener NONE = new SslListener() {
    };
}
