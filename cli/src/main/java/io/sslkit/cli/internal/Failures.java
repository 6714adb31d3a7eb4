package io.sslkit.cli.internal;

import io.sslkit.api.SslAlertException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns any failure into the one line a user reads: the cause, and the alert when there was one. */
public final class Failures {
    private Failures() {
    }

    public static String oneLine(Throwable t) {
        if (t instanceof CliFailure) {
            return t.getMessage();
        }
        return "error: " + cause(t);
    }

    /** The cause without a stack trace: the alert if an alert was involved anywhere in the chain. */
    public static String cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SslAlertException a) {
                if (a.isReceived()) {
                    return "received fatal alert " + a.alert().rfcName();
                }
                String m = a.getMessage();
                String suffix = "(alert " + a.alert().rfcName() + ")";
                String what = m == null || m.isBlank() || m.equals(suffix) ? "" : m.replace(suffix, "").trim();
                return (what.isEmpty() ? "" : what + ", ") + "sent fatal alert " + a.alert().rfcName();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused" + detail(root);
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof SocketTimeoutException) {
            return "timed out" + detail(root);
        }
        if (root instanceof EOFException) {
            return "connection closed by peer" + detail(root);
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String detail(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }
}
