package io.sslkit.alert;

import io.sslkit.alert.internal.AlertRules;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert protocol state of one connection: it interprets received alerts, chooses the alerts to send, and
 * remembers what matters afterwards (close_notify each way, fatal alerts, truncation) so that the session cache can
 * tell whether the session may be resumed. Every alert sent or received is reported to the listener and to SLF4J.
 *
 * <p>It sends nothing itself: the engine writes the returned {@link Alert} into an alert record. Not thread-safe.
 */
public final class AlertProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(AlertProtocol.class);

    /** A default bound on warnings in a row, generous for real peers (which send one or two). */
    public static final int DEFAULT_MAX_CONSECUTIVE_WARNINGS = 5;

    private final SslListener listener;
    private final int maxConsecutiveWarnings;
    private int consecutiveWarnings;
    private boolean closeNotifySent;
    private boolean closeNotifyReceived;
    private boolean fatalSent;
    private boolean fatalReceived;
    private boolean truncated;

    /**
     * @param listener               told of every alert sent or received
     * @param maxConsecutiveWarnings how many warning alerts (other than close_notify) may arrive with no other record
     *                               between them before the peer is cut off; at least 1
     */
    public AlertProtocol(SslListener listener, int maxConsecutiveWarnings) {
        if (maxConsecutiveWarnings < 1) {
            throw new IllegalArgumentException("maxConsecutiveWarnings must be at least 1: " + maxConsecutiveWarnings);
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxConsecutiveWarnings = maxConsecutiveWarnings;
    }

    /**
     * Handles a received alert record. A fatal alert, or a description the RFCs call always fatal whatever its
     * level, throws {@link SslAlertException#received}; an undecodable alert (wrong length, unknown level or
     * description) throws decode_error to send; close_notify is recorded and returned; other warnings are returned
     * for the caller to act on (no_certificate, no_renegotiation, user_canceled...), unless too many came in a row.
     *
     * @param fragment the alert record's plaintext; consumed
     * @param version  the version in use, or null before one is negotiated
     */
    public Alert receive(ByteBuffer fragment, ProtocolVersion version) throws SslAlertException {
        Alert alert;
        try {
            alert = Alert.decode(fragment);
        } catch (SslAlertException e) {
            LOG.debug("undecodable alert received: {}", e.getMessage());
            throw e;
        }
        report(false, alert);
        AlertDescription d = alert.description();
        if (alert.isFatal() || AlertRules.alwaysFatal(d)) {
            fatalReceived = true;
            throw SslAlertException.received(d);
        }
        if (d == AlertDescription.CLOSE_NOTIFY) {
            closeNotifyReceived = true;
            return alert;
        }
        if (version != null && !d.definedIn(version)) {
            // Tolerated: it is only a warning, and refusing it would punish peers for a harmless slip.
            LOG.debug("warning {} is not defined in {}", d, version);
        }
        consecutiveWarnings++;
        if (consecutiveWarnings > maxConsecutiveWarnings) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "more than " + maxConsecutiveWarnings + " warning alerts in a row");
        }
        return alert;
    }

    /**
     * The fatal alert to send for a local error {@code d}, mapped to a description defined in {@code version}
     * (e.g. record_overflow and decode_error become illegal_parameter in SSL 3.0, decryption_failed becomes
     * bad_record_mac from TLS 1.1 on). After this the connection is over and the session not resumable.
     *
     * @param version the version in use, or null before one is negotiated
     */
    public Alert fatal(AlertDescription d, ProtocolVersion version) {
        Alert alert = new Alert(AlertLevel.FATAL, sendable(d, version));
        fatalSent = true;
        report(true, alert);
        return alert;
    }

    /**
     * A warning alert to send, e.g. no_certificate in SSL 3.0 or no_renegotiation in TLS.
     *
     * @throws IllegalArgumentException when {@code d} is not defined in {@code version} (check with
     *                                  {@link AlertDescription#definedIn}) or is always fatal
     */
    public Alert warning(AlertDescription d, ProtocolVersion version) {
        if (AlertRules.alwaysFatal(d)) {
            throw new IllegalArgumentException(d + " is always fatal");
        }
        if (version != null && !d.definedIn(version)) {
            throw new IllegalArgumentException(d + " is not defined in " + version);
        }
        Alert alert = new Alert(AlertLevel.WARNING, d);
        if (d == AlertDescription.CLOSE_NOTIFY) {
            closeNotifySent = true;
        }
        report(true, alert);
        return alert;
    }

    /** The close_notify to send, to start a closure or to answer the peer's. */
    public Alert closeNotify() {
        return warning(AlertDescription.CLOSE_NOTIFY, null);
    }

    /** The description to send for a local error {@code d} under {@code version} (null: not yet negotiated). */
    public static AlertDescription sendable(AlertDescription d, ProtocolVersion version) {
        return AlertRules.sendable(Objects.requireNonNull(d, "d"), version);
    }

    /** A record other than an alert arrived: warnings are no longer "in a row". */
    public void nonAlertRecordSeen() {
        consecutiveWarnings = 0;
    }

    /**
     * The transport reached its end. Without a close_notify received first (and no fatal alert, which already
     * ended the session) the connection was truncated, possibly by an attacker, and the session must not be
     * resumed (RFC 5246 §7.2.1).
     */
    public void endOfInput() {
        if (!closeNotifyReceived && !fatalSeen()) {
            truncated = true;
            LOG.debug("connection ended without close_notify: truncated");
        }
    }

    public boolean closeNotifySent() {
        return closeNotifySent;
    }

    public boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    /** True when the peer closed and we have not answered yet: the engine owes it a close_notify. */
    public boolean closeNotifyReplyDue() {
        return closeNotifyReceived && !closeNotifySent && !fatalSeen();
    }

    /** A fatal alert was sent or received. */
    public boolean fatalSeen() {
        return fatalSent || fatalReceived;
    }

    public boolean fatalSent() {
        return fatalSent;
    }

    public boolean fatalReceived() {
        return fatalReceived;
    }

    /** The input ended without close_notify (see {@link #endOfInput()}). */
    public boolean truncated() {
        return truncated;
    }

    /** Whether the session may still be resumed: no fatal alert either way and no truncation. */
    public boolean sessionResumable() {
        return !fatalSeen() && !truncated;
    }

    private void report(boolean sent, Alert alert) {
        LOG.debug("{} alert {}", sent ? "sent" : "received", alert);
        try {
            listener.alert(sent, alert.level(), alert.description());
        } catch (RuntimeException e) {
            // A listener must not break the protocol; its failure is its own.
            LOG.warn("SslListener failed on alert {}", alert, e);
        }
    }
}
