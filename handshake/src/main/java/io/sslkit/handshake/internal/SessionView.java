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
    public String toString() {
        return "SslSession[" + protocol() + ", " + cipherSuite() + ", id " + Hex.of(session.id())
                + (resumed ? ", resumed]" : "]");
    }
}
