package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sslkit.api.CipherSuites;
import io.sslkit.api.ProtocolVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    final ManualClock clock = new ManualClock();

    Session session(int idByte) {
        byte[] id = new byte[32];
        id[0] = (byte) idByte;
        return new Session(id, ProtocolVersion.SSL_3_0, CipherSuites.byName("RC4-MD5").orElseThrow(), new byte[48],
                List.of(), List.of(), clock.millis(), false);
    }

    @Test
    void leastRecentlyUsedLeavesFirstWhenFull() {
        SessionStore store = new SessionStore(2, Duration.ofHours(1), clock);
        Session a = session(1);
        Session b = session(2);
        store.putById(a);
        store.putById(b);
        assertSame(a, store.byId(a.id()));
        store.putById(session(3));
        assertEquals(2, store.size());
        assertSame(a, store.byId(a.id()));
        assertNull(store.byId(b.id()));
    }

    @Test
    void expiredSessionsAreNotResumed() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(5), clock);
        Session a = session(1);
        store.putById(a);
        clock.millis += Duration.ofMinutes(4).toMillis();
        assertSame(a, store.byId(a.id()));
        clock.millis += Duration.ofMinutes(2).toMillis();
        assertNull(store.byId(a.id()));
        assertEquals(0, store.size());
    }

    @Test
    void invalidatedSessionsAreNotResumed() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(5), clock);
        Session a = session(1);
        store.putByPeer("example.org", 443, a);
        assertSame(a, store.byPeer("example.org", 443));
        assertNull(store.byPeer("example.org", 444));
        a.invalidate();
        assertNull(store.byPeer("example.org", 443));
    }

    @Test
    void capacityZeroCachesNothing() {
        SessionStore store = new SessionStore(0, Duration.ofMinutes(5), clock);
        Session a = session(1);
        store.putById(a);
        assertNull(store.byId(a.id()));
    }

    @Test
    void emptySessionIdIsNeverCached() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(5), clock);
        Session s = new Session(new byte[0], ProtocolVersion.SSL_3_0, CipherSuites.byName("RC4-MD5").orElseThrow(),
                new byte[48], List.of(), List.of(), clock.millis(), false);
        store.putById(s);
        assertEquals(0, store.size());
    }

    /** A put drops the expired sessions at the old end, without a lookup counting as a use of the live ones. */
    @Test
    void putPurgesExpiredSessionsFromTheOldEnd() {
        SessionStore store = new SessionStore(100, Duration.ofMinutes(5), clock);
        Session old1 = session(1);
        Session old2 = session(2);
        store.putById(old1);
        store.putById(old2);
        clock.millis += Duration.ofMinutes(4).toMillis();
        Session young = session(3);
        store.putById(young);
        clock.millis += Duration.ofMinutes(2).toMillis();
        store.putById(session(4));
        assertEquals(List.of(young.id()[0], (byte) 4), store.sessions().stream().map(s -> s.id()[0]).toList());
    }

    @Test
    void lruOrderSurvivesThePurge() {
        SessionStore store = new SessionStore(2, Duration.ofHours(1), clock);
        Session a = session(1);
        Session b = session(2);
        store.putById(a);
        store.putById(b);
        store.byId(a.id());
        // b is now least recently used; the purge on this put must not have refreshed it
        store.putById(session(3));
        assertNull(store.byId(b.id()));
        assertSame(a, store.byId(a.id()));
    }

    @Test
    void manyReplacementsKeepTheAgeQueueBounded() {
        SessionStore store = new SessionStore(4, Duration.ofHours(1), clock);
        for (int i = 0; i < 10_000; i++) {
            store.putByPeer("example.org", 443, session(i));
        }
        assertEquals(1, store.size());
        assertTrue(store.trackedForExpiry() <= 2 * 4 + 16, () -> store.trackedForExpiry() + " records kept");
    }

    @Test
    void enumeratesRemovesAndTracksAccess() {
        SessionStore store = new SessionStore(10, Duration.ofHours(1), clock);
        Session a = session(1);
        Session b = session(2);
        store.putById(a);
        store.putById(b);
        assertEquals(2, store.sessions().size());
        clock.millis += 5_000;
        store.byId(a.id());
        assertEquals(a.creationTime() + 5_000, a.lastAccessedTime());
        assertEquals(b.creationTime(), b.lastAccessedTime());
        assertTrue(store.removeById(a.id()));
        assertFalse(store.removeById(a.id()));
        assertNull(store.byId(a.id()));
        assertEquals(List.of(b), store.sessions());
        b.invalidate();
        assertEquals(List.of(), store.sessions());
    }
}
