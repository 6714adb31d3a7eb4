package io.sslkit.interop;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.SslListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the handshake messages (with their body lengths) and the alerts a connection sent and received. */
final class MessageLog implements SslListener {
    record Message(boolean sent, String type, int length) {
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> alerts = new CopyOnWriteArrayList<>();

    @Override
    public void handshakeMessage(boolean sent, String type, int length) {
        messages.add(new Message(sent, type, length));
    }

    @Override
    public void alert(boolean sent, AlertLevel level, AlertDescription description) {
        alerts.add((sent ? "sent " : "received ") + level + " " + description);
    }

    /** Alerts as "sent warning no_renegotiation", in order. */
    List<String> alerts() {
        return List.copyOf(alerts);
    }

    long count(boolean sent, String type) {
        return messages.stream().filter(m -> m.sent() == sent && m.type().equals(type)).count();
    }

    /** Waits until {@code n} messages of the type have been sent (or received); false at the timeout. */
    boolean awaitCount(boolean sent, String type, long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(sent, type) < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    Optional<Message> find(boolean sent, String type) {
        return messages.stream().filter(m -> m.sent() == sent && m.type().equals(type)).findFirst();
    }

    @Override
    public String toString() {
        return messages + " " + alerts;
    }
}
