package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
