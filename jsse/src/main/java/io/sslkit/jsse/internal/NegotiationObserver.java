package io.sslkit.jsse.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the version and suite as soon as the hellos have been exchanged, for the handshake session a trust or key
 * manager may inspect before the handshake completes. The engine tells these facts only in the text of its
 * ServerHello step, so they are read from there: a version name and a suite name appear in it as words.
 */
final class NegotiationObserver implements SslListener {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiationObserver.class);

    private final BiConsumer<ProtocolVersion, CipherSuite> onHello;

    NegotiationObserver(BiConsumer<ProtocolVersion, CipherSuite> onHello) {
        this.onHello = onHello;
    }

    @Override
    public void handshakeStep(HandshakeStep step, String detail) {
        if (step != HandshakeStep.SERVER_HELLO || detail == null) {
            return;
        }
        ProtocolVersion version = null;
        CipherSuite suite = null;
        for (String word : detail.split("[\\s,;:()\\[\\]]+")) {
            if (version == null && (word.startsWith("SSLv") || word.startsWith("TLSv"))) {
                version = ProtocolVersion.byName(word).orElse(version);
            } else if (suite == null && (word.startsWith("TLS_") || word.startsWith("SSL_"))) {
                suite = Suites.find(word).orElse(null);
            }
        }
        onHello.accept(version, suite);
    }

    @Override
    public void alert(boolean sent, AlertLevel level, AlertDescription description) {
        LOG.debug("{} {} alert {}", sent ? "sent" : "received", level, description);
    }
}
