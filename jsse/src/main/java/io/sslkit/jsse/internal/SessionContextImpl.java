package io.sslkit.jsse.internal;

import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslSession;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * One side's (client or server) sessions of one SSLContext. The sslkit {@link SessionCache} does the resuming; this
 * class keeps the JSSE session objects beside it, so that every connection resuming a session sees the same
 * object, and answers JSSE's questions (ids, lookup, size, timeout).
 *
 * <p>Changing the size or the timeout starts a fresh sslkit cache (it is immutable in both): sessions made before
 * can no longer be resumed by new connections. Invalidating a session drops just that one from the sslkit cache.
 */
final class SessionContextImpl implements SSLSessionContext {
    /** JSSE's defaults: 20480 sessions of 24 hours. */
    private static final int DEFAULT_SIZE = 20480;
    private static final int DEFAULT_TIMEOUT_SECONDS = 86400;
    /** JSSE's 0 means "no limit"; sslkit's caches need finite bounds. */
    private static final int UNLIMITED_SIZE = Integer.MAX_VALUE;
    private static final int UNLIMITED_SECONDS = Integer.MAX_VALUE;

    private final Map<String, SessionImpl> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private int size = DEFAULT_SIZE;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private SessionCache cache = newCache();

    private SessionCache newCache() {
        return new SessionCache(size == 0 ? UNLIMITED_SIZE : size,
                Duration.ofSeconds(timeoutSeconds == 0 ? UNLIMITED_SECONDS : timeoutSeconds));
    }

    synchronized SessionCache cache() {
        return cache;
    }

    /**
     * The JSSE session for what a handshake just agreed: the one already known when the session was resumed (or
     * is otherwise known by its id), else a new one, remembered when it has an id.
     */
    synchronized SessionImpl completed(SslSession s, String peerHost, int peerPort,
                                       List<SNIServerName> requestedServerNames) {
        String key = HexFormat.of().formatHex(s.id());
        SessionImpl known = key.isEmpty() ? null : sessions.get(key);
        if (known != null && s.resumed()) {
            known.accessed();
            return known;
        }
        SessionImpl fresh = SessionImpl.established(key.isEmpty() ? null : this, s, peerHost, peerPort,
                requestedServerNames);
        if (!key.isEmpty()) {
            sessions.put(key, fresh);
            trim();
        }
        return fresh;
    }

    /** An invalidated session: gone from here and from what new connections may resume. */
    synchronized void invalidated(SessionImpl s) {
        sessions.remove(s.key(), s);
        cache.remove(s.getId());
    }

    synchronized boolean expired(SessionImpl s) {
        return timeoutSeconds != 0 && System.currentTimeMillis() - s.getCreationTime() > timeoutSeconds * 1000L;
    }

    private void trim() {
        sessions.values().removeIf(this::expired);
        int limit = size == 0 ? UNLIMITED_SIZE : size;
        var it = sessions.entrySet().iterator();
        while (sessions.size() > limit && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public synchronized SSLSession getSession(byte[] sessionId) {
        if (sessionId == null) {
            throw new NullPointerException("sessionId");
        }
        SessionImpl s = sessions.get(HexFormat.of().formatHex(sessionId));
        return s != null && s.isValid() ? s : null;
    }

    @Override
    public synchronized Enumeration<byte[]> getIds() {
        trim();
        return Collections.enumeration(sessions.values().stream().map(SessionImpl::getId).toList());
    }

    @Override
    public synchronized void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative timeout: " + seconds);
        }
        timeoutSeconds = seconds;
        cache = newCache();
        trim();
    }

    @Override
    public synchronized int getSessionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public synchronized void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        this.size = size;
        cache = newCache();
        trim();
    }

    @Override
    public synchronized int getSessionCacheSize() {
        return size;
    }
}
