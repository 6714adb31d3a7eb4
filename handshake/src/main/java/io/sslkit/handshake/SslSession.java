package io.sslkit.handshake;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.util.List;

/** What a completed handshake agreed on. Never exposes the master secret. */
public interface SslSession {
    /** The session_id, possibly empty when the server does not cache sessions. */
    byte[] id();

    ProtocolVersion protocol();

    CipherSuite cipherSuite();

    /** The peer's chain, end-entity first; empty when the peer sent none. */
    List<X509Certificate> peerCertificates();

    /** The chain we sent, end-entity first; empty when we sent none. */
    List<X509Certificate> localCertificates();

    /** True when this connection resumed the session with an abbreviated handshake. */
    boolean resumed();

    /** When the full handshake that created the session completed, in milliseconds since the epoch. */
    long creationTime();

    /** When a handshake last created or resumed the session, in milliseconds since the epoch. */
    long lastAccessedTime();

    /**
     * The host_name of server_name (RFC 6066): on a client the name it asked for, on a server the name the client
     * asked for; null when there was none.
     */
    String requestedServerName();

    /** Whether a new connection may still resume the session. */
    boolean isValid();

    /**
     * No new connection may resume this session from now on (connections using it are not affected); it leaves
     * every {@link SessionCache} that holds it.
     */
    void invalidate();
}
