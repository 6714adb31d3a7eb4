package io.sslkit.handshake;

import io.sslkit.handshake.internal.Session;
import io.sslkit.handshake.internal.SessionStore;
import io.sslkit.handshake.internal.SessionView;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Remembers sessions for resumption: on a server by session_id, on a client by peer (host:port). Bounded in size
 * (least recently used entries leave first) and in age. Safe to share between connections and threads.
 */
public final class SessionCache {
    /** 1000 sessions of at most 24 hours, as RFC 5246 Appendix F.1.4 suggests for the upper bound. */
    public static final int DEFAULT_CAPACITY = 1000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    private final SessionStore store;

    public SessionCache() {
        this(DEFAULT_CAPACITY, DEFAULT_TIMEOUT);
    }

    /** A capacity of 0 disables caching: servers then send an empty session_id and clients never resume. */
    public SessionCache(int capacity, Duration timeout) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.store = new SessionStore(capacity, timeout);
    }

    public int capacity() {
        return store.capacity();
    }

    public Duration timeout() {
        return store.timeout();
    }

    /** Sessions held now, expired and invalidated ones not counted. */
    public int size() {
        return store.size();
    }

    /** The resumable sessions held now, least recently used first. */
    public List<SslSession> sessions() {
        return store.sessions().stream().map(s -> (SslSession) new SessionView(s, false)).toList();
    }

    /**
     * Forgets the session with this session_id and makes it unresumable everywhere (as
     * {@link SslSession#invalidate()} does); connections using it go on.
     *
     * @return whether this cache held it
     */
    public boolean remove(byte[] sessionId) {
        for (Session s : store.sessions()) {
            if (Arrays.equals(s.id(), sessionId)) {
                s.invalidate();
            }
        }
        return store.removeById(sessionId);
    }

    public void clear() {
        store.clear();
    }

    SessionStore store() {
        return store;
    }
}
