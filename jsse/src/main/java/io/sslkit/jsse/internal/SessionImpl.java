package io.sslkit.jsse.internal;

import io.sslkit.record.RecordLimits;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;

/**
 * JSSE's view of an sslkit session: one object per session_id, shared by every connection that resumes it. Also
 * stands for the session under negotiation (what a trust or key manager sees through getHandshakeSession) and for
 * JSSE's "null session" before a handshake has completed.
 */
final class SessionImpl extends ExtendedSSLSession {
    /** The suite name JSSE reports while no session exists. */
    static final String NULL_SUITE = "SSL_NULL_WITH_NULL_NULL";

    /**
     * Certificate signature algorithms this side accepts: the chain is verified by the JDK's PKIX code, not by an
     * sslkit module, so these are the JDK's names.
     */
    private static final String[] CERTIFICATE_SIGNATURES = {"SHA512withRSA", "SHA384withRSA", "SHA256withRSA",
        "SHA224withRSA", "SHA1withRSA", "RSASSA-PSS", "SHA256withDSA", "SHA224withDSA", "SHA1withDSA",
        "SHA512withECDSA", "SHA384withECDSA", "SHA256withECDSA", "SHA1withECDSA"};

    private final SessionContextImpl context;
    private final byte[] id;
    private final String peerHost;
    private final int peerPort;
    private volatile long creationTime = System.currentTimeMillis();
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private volatile String protocol;
    private volatile String cipherSuite;
    private volatile List<X509Certificate> peerCertificates;
    private volatile List<X509Certificate> localCertificates;
    private volatile List<SNIServerName> requestedServerNames;
    private volatile long lastAccessedTime = creationTime;
    private volatile boolean valid;

    private SessionImpl(SessionContextImpl context, byte[] id, String peerHost, int peerPort, boolean valid) {
        this.context = context;
        this.id = id.clone();
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.protocol = "NONE";
        this.cipherSuite = NULL_SUITE;
        this.peerCertificates = List.of();
        this.localCertificates = List.of();
        this.requestedServerNames = List.of();
        this.valid = valid;
    }

    /** JSSE's placeholder before (or after a failed) handshake: invalid, but it knows the buffer sizes. */
    static SessionImpl nullSession(String peerHost, int peerPort) {
        return new SessionImpl(null, new byte[0], peerHost, peerPort, false);
    }

    /** The session being negotiated; the handshake fills in what it learns. */
    static SessionImpl handshaking(String peerHost, int peerPort, List<SNIServerName> requestedServerNames) {
        SessionImpl s = new SessionImpl(null, new byte[0], peerHost, peerPort, false);
        s.requestedServerNames = List.copyOf(requestedServerNames);
        return s;
    }

    /** A negotiated session; {@code context} is null when the session cannot be resumed (empty session_id). */
    static SessionImpl established(SessionContextImpl context, io.sslkit.handshake.SslSession s, String peerHost,
                                   int peerPort, List<SNIServerName> requestedServerNames) {
        SessionImpl out = new SessionImpl(context, s.id(), peerHost, peerPort, true);
        out.protocol = s.protocol().standardName();
        out.cipherSuite = s.cipherSuite().name();
        out.peerCertificates = List.copyOf(s.peerCertificates());
        out.localCertificates = List.copyOf(s.localCertificates());
        out.requestedServerNames = List.copyOf(requestedServerNames);
        out.creationTime = s.creationTime();
        out.lastAccessedTime = s.lastAccessedTime();
        return out;
    }

    void negotiated(String protocol, String cipherSuite) {
        if (protocol != null) {
            this.protocol = protocol;
        }
        if (cipherSuite != null) {
            this.cipherSuite = cipherSuite;
        }
    }

    /** Handshake session: the peer's chain, as it goes to the trust manager. */
    void peerCertificates(List<X509Certificate> chain) {
        this.peerCertificates = List.copyOf(chain);
    }

    /** Handshake session of a server: the names the client asked for. */
    void requestedServerNames(List<SNIServerName> names) {
        this.requestedServerNames = List.copyOf(names);
    }

    void accessed() {
        lastAccessedTime = System.currentTimeMillis();
    }

    @Override
    public byte[] getId() {
        return id.clone();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void invalidate() {
        if (valid && context != null) {
            context.invalidated(this);
        }
        valid = false;
    }

    @Override
    public boolean isValid() {
        return valid && (context == null || !context.expired(this));
    }

    @Override
    public void putValue(String name, Object value) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("name and value must not be null");
        }
        Object old = values.put(name, value);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener l) {
            l.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public Object getValue(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        Object old = values.remove(name);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public String[] getValueNames() {
        return values.keySet().toArray(new String[0]);
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        List<X509Certificate> c = peerCertificates;
        if (c.isEmpty()) {
            throw new SSLPeerUnverifiedException("peer not authenticated");
        }
        return c.toArray(new Certificate[0]);
    }

    @Override
    public Certificate[] getLocalCertificates() {
        List<X509Certificate> c = localCertificates;
        return c.isEmpty() ? null : c.toArray(new Certificate[0]);
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return ((X509Certificate) getPeerCertificates()[0]).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        List<X509Certificate> c = localCertificates;
        return c.isEmpty() ? null : c.get(0).getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        return cipherSuite;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public String getPeerHost() {
        return peerHost;
    }

    @Override
    public int getPeerPort() {
        return peerPort;
    }

    @Override
    public int getPacketBufferSize() {
        return RecordLimits.MAX_RECORD_SIZE;
    }

    @Override
    public int getApplicationBufferSize() {
        return RecordLimits.MAX_PLAINTEXT;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return CERTIFICATE_SIGNATURES.clone();
    }

    /**
     * The engine does not hand out the peer's signature_algorithms; answering with what the JDK can verify lets a
     * key manager keep its usual choice instead of refusing every certificate.
     */
    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return CERTIFICATE_SIGNATURES.clone();
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return requestedServerNames;
    }

    /** sslkit asks for no OCSP stapling (status_request), so no responses ever arrive. */
    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    /** The id as a map key. */
    String key() {
        return java.util.HexFormat.of().formatHex(id);
    }

    @Override
    public String toString() {
        return "SslkitSession[" + protocol + ", " + cipherSuite + ", id " + key() + "]";
    }
}
