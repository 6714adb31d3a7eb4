package io.sslkit.handshake.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bounded, expiring map behind {@code SessionCache}: LRU by access, entries older than the timeout ignored. */
public final class SessionStore {
    private final int capacity;
    private final Duration timeout;
    private final Clock clock;
    private final LinkedHashMap<String, Session> entries = new LinkedHashMap<>(16, 0.75f, true);

    public SessionStore(int capacity, Duration timeout) {
        this(capacity, timeout, Clock.systemUTC());
    }

    SessionStore(int capacity, Duration timeout, Clock clock) {
        this.capacity = capacity;
        this.timeout = timeout;
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    public Duration timeout() {
        return timeout;
    }

    public synchronized int size() {
        purgeExpired();
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Server side: the session with this id, if cached, resumable and not expired. */
    public Session byId(byte[] id) {
        return get(idKey(id));
    }

    /** Client side: the last resumable session with this peer. */
    public Session byPeer(String host, int port) {
        return get(peerKey(host, port));
    }

    public void putById(Session s) {
        if (s.id().length > 0) {
            put(idKey(s.id()), s);
        }
    }

    public void putByPeer(String host, int port, Session s) {
        put(peerKey(host, port), s);
    }

    /** Forgets the session wherever it is cached (after a fatal alert or a truncated close). */
    public synchronized void remove(Session s) {
        entries.values().removeIf(v -> v == s);
    }

    private synchronized Session get(String key) {
        Session s = entries.get(key);
        if (s == null) {
            return null;
        }
        if (expired(s) || !s.resumable()) {
            entries.remove(key);
            return null;
        }
        return s;
    }

    private synchronized void put(String key, Session s) {
        if (capacity == 0) {
            return;
        }
        entries.put(key, s);
        purgeExpired();
        Iterator<Map.Entry<String, Session>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private void purgeExpired() {
        entries.values().removeIf(this::expired);
    }

    private boolean expired(Session s) {
        return clock.millis() - s.creationTime() > timeout.toMillis();
    }

    private static String idKey(byte[] id) {
        return "id:" + Hex.of(id);
    }

    private static String peerKey(String host, int port) {
        return "peer:" + host + ":" + port;
    }
}
