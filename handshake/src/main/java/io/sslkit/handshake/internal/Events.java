package io.sslkit.handshake.internal;

import io.sslkit.api.HandshakeStep;
import io.sslkit.api.SslListener;
import io.sslkit.handshake.Negotiation;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports handshake steps and messages to the application's listener and to SLF4J at debug level. Callers pass
 * only public facts (versions, randoms, names, certificate subjects): nothing secret ever reaches this class.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger("io.sslkit.handshake");

    private final SslListener listener;
    private final String side;

    Events(SslListener listener, boolean client) {
        this.listener = listener;
        this.side = client ? "client" : "server";
    }

    void step(HandshakeStep step, String detail) {
        LOG.debug("{} step {} {}: {}", side, step.number(), step, detail);
        try {
            listener.handshakeStep(step, detail);
        } catch (RuntimeException e) {
            LOG.warn("SslListener failed on step {}", step, e);
        }
    }

    void message(boolean sent, HandshakeType type, int length) {
        LOG.debug("{} {} {} ({} bytes)", side, sent ? "sent" : "received", type, length);
        try {
            listener.handshakeMessage(sent, type.rfcName(), length);
        } catch (RuntimeException e) {
            LOG.warn("SslListener failed on message {}", type, e);
        }
    }

    /** Tells the application's negotiation listener; like the other callbacks, its failure is not the peer's. */
    static void negotiated(Consumer<Negotiation> listener, Negotiation n) {
        try {
            listener.accept(n);
        } catch (RuntimeException e) {
            LOG.warn("negotiation listener failed", e);
        }
    }

    void debug(String format, Object... args) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(side + " " + format, args);
        }
    }
}
