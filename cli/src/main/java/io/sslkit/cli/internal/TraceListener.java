package io.sslkit.cli.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.SslListener;
import java.io.PrintStream;

/**
 * {@code --trace}: prints the handshake as the seed tells it. Each of the ten steps is announced with the seed's
 * words and followed by the facts the engine reports; the messages that carry it and every alert appear in between.
 * The engine never passes a secret to a listener, so nothing here can print one.
 *
 * <pre>
 * [client] the handshake in the ten steps of the seed; '->' a message sent, '<-' one received
 * [client] step 1/10  client sends its version, cipher settings and random data
 * [client]              offered SSLv3 ...
 * [client]   -> client_hello (57 bytes)
 * [server]   <- client_hello (57 bytes)
 * [server] alert received: warning close_notify
 * </pre>
 */
public final class TraceListener implements SslListener {
    private static final String INDENT = "             ";

    /** Printed before a connection's first event, so that a reader new to the trace knows how to read it. */
    static final String LEGEND = "the handshake in the ten steps of the seed; '->' a message sent, '<-' one received";

    private final String label;
    private final PrintStream out;
    private boolean started;

    /** {@code label} tells the connections apart when several share one output, e.g. "client", "server#2". */
    public TraceListener(String label, PrintStream out) {
        this.label = "[" + label + "]";
        this.out = out;
    }

    @Override
    public void handshakeStep(HandshakeStep step, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(label).append(" step ").append(step.number()).append("/10  ").append(step.description());
        if (detail != null && !detail.isBlank()) {
            for (String line : detail.strip().split("\\R")) {
                sb.append(System.lineSeparator()).append(label).append(INDENT).append(line.strip());
            }
        }
        print(sb.toString());
    }

    @Override
    public void handshakeMessage(boolean sent, String type, int length) {
        print(label + "   " + (sent ? "-> sent     " : "<- received ") + type + " (" + length + " bytes)");
    }

    @Override
    public void alert(boolean sent, AlertLevel level, AlertDescription description) {
        String meaning = description == AlertDescription.CLOSE_NOTIFY
                ? (sent ? ": we will send nothing more" : ": the peer will send nothing more")
                : level == AlertLevel.FATAL ? ": the connection ends now" : "";
        print(label + " alert " + (sent ? "sent" : "received") + ": " + level + " " + description.rfcName() + meaning);
    }

    /** A line of the trace that is not a protocol event, e.g. what the demo does next. */
    public void note(String text) {
        print(label + " " + text);
    }

    private void print(String text) {
        // connections of one server trace from their own threads: keep each event's lines together
        synchronized (out) {
            if (!started) {
                started = true;
                out.println(label + " " + LEGEND);
            }
            out.println(text);
            out.flush();
        }
    }
}
