package io.sslkit.handshake.internal;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Bounds the renegotiations of one connection to a number per sliding minute (issue 11): each costs a public-key
 * operation, so a peer renegotiating in a loop could otherwise keep a core busy at no cost to itself.
 */
final class RenegotiationBudget {
    private static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final LongSupplier clock;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    RenegotiationBudget(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one renegotiation from the budget; false (and nothing taken) when the last minute used it up. */
    boolean tryStart() {
        long now = clock.getAsLong();
        while (!starts.isEmpty() && now - starts.peekFirst() >= WINDOW_MILLIS) {
            starts.pollFirst();
        }
        if (starts.size() >= perMinute) {
            return false;
        }
        starts.addLast(now);
        return true;
    }
}
