package io.sslkit.handshake.internal;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The resumable state of a session (RFC 6101 §5.5): id, version, suite, master_secret and the certificates. The
 * master secret stays in here; nothing hands it to a listener or a log.
 */
public final class Session {
    private final byte[] id;
    private final ProtocolVersion version;
    private final CipherSuite suite;
    private final byte[] masterSecret;
    private final List<X509Certificate> peerCertificates;
    private final List<X509Certificate> localCertificates;
    private final long creationTime;
    private final boolean extendedMasterSecret;
    private volatile boolean resumable = true;
    private volatile long lastAccessedTime;
    private volatile String serverName;

    public Session(byte[] id, ProtocolVersion version, CipherSuite suite, byte[] masterSecret,
                   List<X509Certificate> peerCertificates, List<X509Certificate> localCertificates,
                   long creationTime, boolean extendedMasterSecret) {
        this.id = id.clone();
        this.version = version;
        this.suite = suite;
        this.masterSecret = masterSecret.clone();
        this.peerCertificates = List.copyOf(peerCertificates);
        this.localCertificates = List.copyOf(localCertificates);
        this.creationTime = creationTime;
        this.extendedMasterSecret = extendedMasterSecret;
        this.lastAccessedTime = creationTime;
    }

    /** When a handshake last created or resumed this session. */
    public long lastAccessedTime() {
        return lastAccessedTime;
    }

    void accessed(long now) {
        lastAccessedTime = now;
    }

    /** The server_name host_name the handshake that created the session carried, or null. */
    public String serverName() {
        return serverName;
    }

    /** Set once, by the handshake that creates the session, before the session is shared. */
    void serverName(String name) {
        serverName = name;
    }

    /** Whether the master secret was derived as RFC 7627 asks; a resumption must agree on it. */
    public boolean extendedMasterSecret() {
        return extendedMasterSecret;
    }

    public byte[] id() {
        return id.clone();
    }

    public ProtocolVersion version() {
        return version;
    }

    public CipherSuite suite() {
        return suite;
    }

    byte[] masterSecret() {
        return masterSecret.clone();
    }

    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    public long creationTime() {
        return creationTime;
    }

    public boolean resumable() {
        return resumable;
    }

    /** After a fatal alert or a truncated close no new connection may resume this session (RFC 6101 §5.4). */
    public void invalidate() {
        resumable = false;
    }
}
