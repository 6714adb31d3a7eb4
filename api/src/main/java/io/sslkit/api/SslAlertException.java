package io.sslkit.api;

import java.io.IOException;
import java.util.Objects;

/**
 * The one exception sslkit's protocol code lets escape: it names the alert that was (or is to be) sent, or that
 * was received from the peer.
 */
public class SslAlertException extends IOException {
    private static final long serialVersionUID = 1L;

    private final AlertDescription alert;
    private final boolean received;

    /** An error detected locally; {@code alert} is what we send to the peer. */
    public SslAlertException(AlertDescription alert, String message) {
        this(alert, message, false, null);
    }

    public SslAlertException(AlertDescription alert, String message, Throwable cause) {
        this(alert, message, false, cause);
    }

    protected SslAlertException(AlertDescription alert, String message, boolean received, Throwable cause) {
        super(message, cause);
        this.alert = Objects.requireNonNull(alert, "alert");
        this.received = received;
    }

    /** A fatal alert the peer sent us. */
    public static SslAlertException received(AlertDescription alert) {
        return new SslAlertException(alert, "received fatal alert " + alert.rfcName(), true, null);
    }

    public AlertDescription alert() {
        return alert;
    }

    /** True when the peer sent this alert, false when we detected the problem and send it. */
    public boolean isReceived() {
        return received;
    }

    @Override
    public String getMessage() {
        String m = super.getMessage();
        if (received) {
            return m;
        }
        return m + " (alert " + alert.rfcName() + ")";
    }
}
