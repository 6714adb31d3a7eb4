package io.sslkit.handshake.internal;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslSession;
import java.security.cert.X509Certificate;
import java.util.List;

/** A session as one connection saw it: the shared state plus whether this connection resumed it. */
public record SessionView(Session session, boolean resumed) implements SslSession {
    @Override
    public byte[] id() {
        return session.id();
    }

    @Override
    public ProtocolVersion protocol() {
        return session.version();
    }

    @Override
    public CipherSuite cipherSuite() {
        return session.suite();
    }

    @Override
    public List<X509Certificate> peerCertificates() {
        return session.peerCertificates();
    }

    @Override
    public List<X509Certificate> localCertificates() {
        return session.localCertificates();
    }

    @Override
    public long creationTime() {
        return session.creationTime();
    }

    @Override
    public long lastAccessedTime() {
        return session.lastAccessedTime();
    }

    @Override
    public String requestedServerName() {
        return session.serverName();
    }

    @Override
    public boolean isValid() {
        return session.resumable();
    }

    /** Every store drops an unresumable session the next time it meets it, so marking it is enough. */
    @Override
    public void invalidate() {
        session.invalidate();
    }

    @Override
    public String toString() {
        return "SslSession[" + protocol() + ", " + cipherSuite() + ", id " + Hex.of(session.id())
                + (resumed ? ", resumed]" : "]");
    }
}
