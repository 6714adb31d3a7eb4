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
}
