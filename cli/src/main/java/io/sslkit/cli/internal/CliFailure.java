package io.sslkit.cli.internal;

/**
 * A failure the command has already put into words: its message is the one line the user sees. {@code usage} marks
 * a problem with what was asked (an unknown suite name, a missing file) rather than with the peer.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public CliFailure(String message) {
        this(message, false, null);
    }

    public CliFailure(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    public static CliFailure usage(String message) {
        return new CliFailure(message, true, null);
    }

    public boolean usage() {
        return usage;
    }
}
