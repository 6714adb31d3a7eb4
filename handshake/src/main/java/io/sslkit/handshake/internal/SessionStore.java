package io.sslkit.handshake.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bounded, expiring map behind {@code SessionCache}: LRU by access, entries older than the timeout ignored.
 *
 * <p>Expiry is by creation time while the map is ordered by access, so the map's order says nothing about age. A
 * second queue in insertion order (which is creation order: a session is stored right after its handshake) lets
 * {@link #put} drop expired entries from its head only, amortized O(1) per session instead of a walk over the whole
 * cache on every handshake.
 */
public final class SessionStore {
    /** An insertion into the map, in time order; stale once its key maps to another session or none. */
    private record Stored(String key, Session session) {
    }

    private final int capacity;
    private final Duration timeout;
    private final Clock clock;
    /**
     * In least-recently-used order, kept by hand ({@link #get} re-inserts) rather than by an access-ordered map, so
     * that the purge can look entries up without counting as a use.
     */
    private final LinkedHashMap<String, Session> entries = new LinkedHashMap<>();
    private final ArrayDeque<Stored> byAge = new ArrayDeque<>();

    public SessionStore(int capacity, Duration timeout) {
        this(capacity, timeout, Clock.systemUTC());
    }

    SessionStore(int capacity, Duration timeout, Clock clock) {
        this.capacity = capacity;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The time by this store's clock, in milliseconds: the creation time of a session it is to hold. */
    long now() {
        return clock.millis();
    }

    public int capacity() {
        return capacity;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sessions held now, expired and invalidated ones not counted (and dropped). */
    public synchronized int size() {
        purgeAll();
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
        byAge.clear();
    }

    /** The distinct resumable, unexpired sessions held, least recently used first. */
    public synchronized List<Session> sessions() {
        purgeAll();
        Set<Session> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Session> out = new ArrayList<>();
        for (Session s : entries.values()) {
            if (distinct.add(s)) {
                out.add(s);
            }
        }
        return out;
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

    /** Forgets the sessions with this session_id; true when there was one. */
    public synchronized boolean removeById(byte[] id) {
        boolean removed = entries.remove(idKey(id)) != null;
        // a client holds its sessions by peer, not by id
        return entries.values().removeIf(v -> java.util.Arrays.equals(v.id(), id)) | removed;
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
        entries.remove(key);
        entries.put(key, s);
        s.accessed(clock.millis());
        return s;
    }

    private synchronized void put(String key, Session s) {
        if (capacity == 0) {
            return;
        }
        entries.remove(key);
        entries.put(key, s);
        byAge.addLast(new Stored(key, s));
        purgeOldest();
        Iterator<Map.Entry<String, Session>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
        if (byAge.size() > 2 * capacity + 16) {
            // entries replaced, evicted or removed leave stale records behind; shed them now and then
            byAge.removeIf(r -> entries.get(r.key()) != r.session());
        }
    }

    /** Drops expired sessions from the old end of the age queue, stopping at the first that is still young. */
    private void purgeOldest() {
        while (!byAge.isEmpty()) {
            Stored oldest = byAge.peekFirst();
            boolean live = entries.get(oldest.key()) == oldest.session();
            if (live && !expired(oldest.session())) {
                return;
            }
            byAge.pollFirst();
            if (live) {
                entries.remove(oldest.key());
            }
        }
    }

    /** How many insertions the age queue tracks, stale ones included (for tests of its bound). */
    synchronized int trackedForExpiry() {
        return byAge.size();
    }

    private void purgeAll() {
        entries.values().removeIf(s -> expired(s) || !s.resumable());
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
