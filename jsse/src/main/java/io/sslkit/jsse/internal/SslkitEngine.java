package io.sslkit.jsse.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.Negotiation;
import io.sslkit.handshake.PeerChain;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.RecordLimits;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * javax.net.ssl.SSLEngine over sslkit's {@link SslEngine}. The sslkit engine speaks the protocol; this class adds
 * what the JSSE contract promises beyond it: whole records per wrap, BUFFER_OVERFLOW before anything is consumed,
 * FINISHED exactly once, the handshake session, the mode and parameters that may change until the handshake starts,
 * and SSLExceptions.
 *
 * <p>The sslkit engine is built when the handshake starts, from the settings as they are then. All methods lock the
 * engine, so wrap and unwrap may be called from different threads.
 */
final class SslkitEngine extends SSLEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SslkitEngine.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /**
     * The most a record may add to its plaintext (RFC 5246 §6.2.3: TLSCiphertext.length is at most 2^14 + 2048)
     * plus its header: with this much room beyond the plaintext, a wrap always fits.
     */
    private static final int MAX_EXPANSION = RecordLimits.MAX_CIPHERTEXT - RecordLimits.MAX_PLAINTEXT
            + RecordLimits.HEADER_LENGTH;
    private static final int APPLICATION_DATA = 23;

    private final SslkitContextSpi context;
    private final Settings settings;
    private SslEngine core;
    private TrustBridge trust;
    private SessionImpl handshakeSession;
    private SessionImpl session;
    private SessionImpl nullSession;
    private volatile ProtocolVersion negotiatedVersion;
    /** Server: the name the client asked for in server_name, once its ClientHello has arrived. */
    private List<SNIServerName> clientRequestedNames = List.of();
    private boolean finishedReported;
    /** A handshake after the first is in progress; FINISHED is due again when it completes. */
    private boolean renegotiating;
    /**
     * The hellos of the handshake in progress have agreed. A server's beginHandshake only sends a HelloRequest, after
     * which the sslkit engine is idle until the client's ClientHello: that is no completed handshake yet.
     */
    private boolean handshakeNegotiated;
    private boolean outboundClosedEarly;
    private boolean inboundClosedEarly;
    /**
     * Output the sslkit engine handed over before the caller's destination had room for it, in read mode (what
     * follows is still queued there); null when there is none: records normally go straight into the destination.
     */
    private ByteBuffer staged;
    private Socket socket;
    private BiFunction<SSLEngine, List<String>, String> applicationProtocolSelector;

    SslkitEngine(SslkitContextSpi context, String host, int port, Settings settings) {
        super(host, port);
        this.context = context;
        this.settings = settings;
    }

    /** Called by the SSLSocket built on this engine: trust and key managers then get the socket, not the engine. */
    synchronized void bindSocket(Socket owner) {
        this.socket = owner;
    }

    synchronized Socket socket() {
        return socket;
    }

    ProtocolVersion negotiatedVersion() {
        return negotiatedVersion;
    }

    /** The name a client means to reach: the SNI host name when one is set, else the peer host. */
    synchronized String identityHost() {
        for (SNIServerName n : requestedServerNames()) {
            if (n instanceof SNIHostName h) {
                return h.getAsciiName();
            }
        }
        return getPeerHost();
    }

    // ---- starting ---------------------------------------------------------------------------------------------

    /** After the first handshake this renegotiates (RFC 5746), as SSLEngine.beginHandshake promises. */
    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (finishedReported) {
            if (renegotiating) {
                return;
            }
            if (core.isOutboundDone() || core.isInboundDone()) {
                throw new SSLException("cannot renegotiate: the connection is closed");
            }
            try {
                core.beginHandshake();
            } catch (IllegalStateException e) {
                throw new SSLException("cannot renegotiate: " + e.getMessage(), e);
            } catch (SslAlertException e) {
                throw fail(e);
            }
            renegotiationStarted();
            return;
        }
        if (closedBeforeStart()) {
            throw new SSLException("the engine was closed before its handshake started");
        }
        start();
    }

    /**
     * Closing either direction before the handshake started ends the engine: no handshake starts afterwards (wrap and
     * unwrap say CLOSED, beginHandshake refuses), so both directions are done. Before, a later wrap or unwrap started
     * one and isInboundDone/isOutboundDone went back to false (found by JsseEngineFuzzTest).
     */
    private boolean closedBeforeStart() {
        return core == null && (outboundClosedEarly || inboundClosedEarly);
    }

    /**
     * A handshake callback after the first handshake means the engine took up the peer's request: the new handshake
     * session must exist before key and trust managers look for it.
     */
    private void peerRenegotiationSeen() {
        if (finishedReported && !renegotiating) {
            renegotiationStarted();
        }
    }

    private void renegotiationStarted() {
        renegotiating = true;
        handshakeNegotiated = false;
        handshakeSession = SessionImpl.handshaking(getPeerHost(), getPeerPort(), requestedServerNames());
        LOG.debug("{} renegotiation started", settings.clientMode() ? "client" : "server");
    }

    private void start() throws SSLException {
        if (core != null) {
            return;
        }
        if (!settings.clientModeSet()) {
            throw new IllegalStateException("client or server mode has not been set (setUseClientMode)");
        }
        boolean client = settings.clientMode();
        handshakeSession = SessionImpl.handshaking(getPeerHost(), getPeerPort(), requestedServerNames());
        trust = new TrustBridge(context.trustManager(), this);
        SslConfig config;
        try {
            config = configure(client);
        } catch (IllegalArgumentException e) {
            outboundClosedEarly = true;
            inboundClosedEarly = true;
            handshakeSession = null;
            throw (SSLHandshakeException) new SSLHandshakeException(e.getMessage()).initCause(e);
        }
        core = client ? SslEngine.client(config, getPeerHost(), getPeerPort()) : SslEngine.server(config);
        try {
            core.beginHandshake();
        } catch (SslAlertException e) {
            throw fail(e);
        }
    }

    private SslConfig configure(boolean client) {
        String[] suites = settings.enabledSuites();
        if (suites.length == 0) {
            throw new IllegalArgumentException("no enabled cipher suite is complete in the registry now");
        }
        SslConfig.Builder b = client ? SslConfig.client() : SslConfig.server();
        b.policy(settings.policy())
                .protocols(settings.protocols())
                .cipherSuites(List.of(suites))
                .registry(Suites.registry())
                .sessionCache(context.sessions(client).cache())
                .random(context.random())
                .peerVerifier(trust)
                .negotiationListener(this::negotiated)
                .credentialChooser(new KeyMaterial(context.keyManager(), this, settings.sniMatchers()))
                .renegotiation(true);
        if (client) {
            requestedServerNames().stream().filter(n -> n instanceof SNIHostName).findFirst()
                    .ifPresent(n -> b.serverName(((SNIHostName) n).getAsciiName()));
        } else {
            if (context.keyManager() == null) {
                throw new IllegalArgumentException("the SSLContext has no X509KeyManager to give a server its key");
            }
            b.clientAuth(settings.needClientAuth() ? ClientAuth.NEED
                    : settings.wantClientAuth() ? ClientAuth.WANT : ClientAuth.NONE);
            b.certificateAuthorities(trust.acceptedIssuers());
        }
        return b.build();
    }

    /**
     * What a client asks for in server_name: the names the application set, else (as JSSE does) the peer host when
     * it is a DNS name with a dot rather than an address literal. A server does not learn the client's names.
     */
    private List<SNIServerName> requestedServerNames() {
        if (!settings.clientMode()) {
            return List.of();
        }
        if (!settings.serverNames().isEmpty()) {
            return settings.serverNames();
        }
        String host = getPeerHost();
        if (host == null || host.indexOf('.') < 0 || host.endsWith(".") || host.contains(":")
                || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return List.of();
        }
        try {
            return List.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The hellos have agreed: the handshake session a trust or key manager inspects shows it from now on. */
    private void negotiated(Negotiation n) {
        peerRenegotiationSeen();
        handshakeNegotiated = true;
        negotiatedVersion = n.version();
        SessionImpl h = handshakeSession;
        if (h != null) {
            h.negotiated(n.version().standardName(), n.suite().name());
        }
    }

    /** The peer's chain is about to go to the trust manager, which may read it from the handshake session. */
    void peerChainReceived(PeerChain peer) {
        SessionImpl h = handshakeSession;
        if (h != null) {
            h.negotiated(peer.version().standardName(), peer.suite().name());
            h.peerCertificates(peer.chain());
        }
    }

    /** Server: the client's server_name (null: none), before the key manager is asked for a key. */
    void serverNameRequested(SNIHostName name) {
        peerRenegotiationSeen();
        clientRequestedNames = name == null ? List.of() : List.of(name);
        SessionImpl h = handshakeSession;
        if (h != null) {
            h.requestedServerNames(clientRequestedNames);
        }
    }

    // ---- wrap -------------------------------------------------------------------------------------------------

    @Override
    public synchronized SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
            throws SSLException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (closedBeforeStart()) {
            return result(Status.CLOSED, 0, 0);
        }
        start();
        int produced = moveQueuedRecords(dst);
        if (produced > 0) {
            return result(core.isOutboundDone() && staged == null ? Status.CLOSED : Status.OK, 0, produced);
        }
        if (outputWaits()) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        if (core.isOutboundDone()) {
            return result(Status.CLOSED, 0, 0);
        }
        int available = remaining(srcs, offset, length);
        if (!core.isHandshakeComplete() || available == 0) {
            return result(Status.OK, 0, 0);
        }
        // a smaller destination gets a shorter record rather than a refusal, as long as some plaintext fits
        int n = Math.min(Math.min(available, RecordLimits.MAX_PLAINTEXT), dst.remaining() - MAX_EXPANSION);
        if (n <= 0) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        SslEngine.Result r;
        try {
            r = core.wrap(plaintext(srcs, offset, n), dst);
        } catch (SslAlertException e) {
            throw fail(e);
        }
        // during a renegotiation the sslkit engine takes no application data until the new handshake is done
        consume(srcs, offset, length, r.bytesConsumed());
        return result(Status.OK, r.bytesConsumed(), r.bytesProduced());
    }

    /**
     * Whether records wait to be handed out: in {@link #staged}, or still queued in the sslkit engine (which, once
     * started, asks to wrap exactly when it has output queued).
     */
    private boolean outputWaits() {
        return staged != null || core.handshakeStatus() == SslEngine.HandshakeStatus.NEED_WRAP;
    }

    /**
     * JSSE hands out whole records: as many of those waiting as fit, none when not even the first does. The sslkit
     * engine hands out its queued bytes as far as they fit, cutting a record if need be, so they go straight into
     * {@code dst} and are taken back (from its free space: nothing the caller holds changes) into {@link #staged},
     * with everything still queued, only when a record was cut.
     */
    private int moveQueuedRecords(ByteBuffer dst) throws SSLException {
        if (staged == null) {
            int start = dst.position();
            int taken = takeQueued(dst);
            if (wholeRecords(dst, start, taken) == taken) {
                return taken;
            }
            staged = ByteBuffer.allocate(Math.max(taken, RecordLimits.MAX_RECORD_SIZE));
            staged.put(dst.slice(start, taken)).flip();
            dst.position(start);
        }
        collectOutput();
        int produced = wholeRecords(staged, staged.position(), Math.min(staged.remaining(), dst.remaining()));
        dst.put(staged.slice(staged.position(), produced));
        staged.position(staged.position() + produced);
        if (!staged.hasRemaining()) {
            staged = null;
        }
        return produced;
    }

    /** Appends everything the sslkit engine has queued to {@link #staged}. */
    private void collectOutput() throws SSLException {
        while (true) {
            staged.compact();
            if (!staged.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(staged.capacity() * 2);
                staged.flip();
                bigger.put(staged);
                staged = bigger;
            }
            int taken;
            try {
                taken = takeQueued(staged);
            } finally {
                staged.flip();
            }
            if (taken == 0) {
                return;
            }
        }
    }

    /** Moves as many bytes as fit of those the sslkit engine has queued into {@code dst}; returns how many. */
    private int takeQueued(ByteBuffer dst) throws SSLException {
        try {
            return core.wrap(EMPTY, dst).bytesProduced();
        } catch (SslAlertException e) {
            throw fail(e);
        }
    }

    /** How many of the {@code length} bytes at {@code from} in {@code buffer} are whole records. */
    private static int wholeRecords(ByteBuffer buffer, int from, int length) {
        int whole = 0;
        while (length - whole >= RecordLimits.HEADER_LENGTH) {
            int p = from + whole;
            int record = RecordLimits.HEADER_LENGTH + (((buffer.get(p + 3) & 0xFF) << 8) | (buffer.get(p + 4) & 0xFF));
            if (record > length - whole) {
                break;
            }
            whole += record;
        }
        return whole;
    }

    private static int remaining(ByteBuffer[] buffers, int offset, int length) {
        long sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += buffers[i].remaining();
        }
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    /**
     * The first {@code n} bytes the sources hold, without moving them: a view when one buffer holds them all (the
     * usual case), else gathered into a copy.
     */
    private static ByteBuffer plaintext(ByteBuffer[] srcs, int offset, int n) {
        int i = offset;
        while (!srcs[i].hasRemaining()) {
            i++;
        }
        if (srcs[i].remaining() >= n) {
            return srcs[i].slice(srcs[i].position(), n);
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (; out.hasRemaining(); i++) {
            int take = Math.min(srcs[i].remaining(), out.remaining());
            out.put(srcs[i].slice(srcs[i].position(), take));
        }
        return out.flip();
    }

    /** Advances the sources past the {@code n} bytes the sslkit engine took. */
    private static void consume(ByteBuffer[] srcs, int offset, int length, int n) {
        for (int i = offset; i < offset + length && n > 0; i++) {
            int take = Math.min(srcs[i].remaining(), n);
            srcs[i].position(srcs[i].position() + take);
            n -= take;
        }
    }

    // ---- unwrap -----------------------------------------------------------------------------------------------

    @Override
    public synchronized SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
            throws SSLException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
        }
        if (closedBeforeStart()) {
            return result(Status.CLOSED, 0, 0);
        }
        start();
        if (core.isInboundDone()) {
            return result(Status.CLOSED, 0, 0);
        }
        int whole = wholeRecordLength(src);
        // the plaintext of a record is shorter than the record: with this much room it always fits
        int room = whole > 0 && src.get(src.position()) == APPLICATION_DATA
                ? Math.min(whole - RecordLimits.HEADER_LENGTH, RecordLimits.MAX_PLAINTEXT) : 0;
        if (remaining(dsts, offset, length) < room) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        ByteBuffer dst = directDestination(dsts, offset, length, room);
        // the sslkit engine writes into one buffer: plaintext for several passes through one of ours, which the
        // buffers then always take whole (they hold at least room bytes)
        ByteBuffer through = dst == null ? ByteBuffer.allocate(room) : null;
        SslEngine.Result r;
        try {
            r = core.unwrap(src, through != null ? through : dst);
        } catch (SslAlertException e) {
            throw fail(e);
        }
        int produced = r.bytesProduced();
        if (through != null) {
            produced = scatter(through.flip(), dsts, offset, length);
        }
        Status status = switch (r.status()) {
            case BUFFER_UNDERFLOW -> Status.BUFFER_UNDERFLOW;
            case CLOSED -> Status.CLOSED;
            default -> Status.OK;
        };
        return result(status, r.bytesConsumed(), produced);
    }

    /** The length of the record at the start of {@code src} when all of it is there, else 0. */
    private static int wholeRecordLength(ByteBuffer src) {
        if (src.remaining() < RecordLimits.HEADER_LENGTH) {
            return 0;
        }
        int p = src.position();
        int whole = RecordLimits.HEADER_LENGTH + (((src.get(p + 3) & 0xFF) << 8) | (src.get(p + 4) & 0xFF));
        return whole <= src.remaining() ? whole : 0;
    }

    /**
     * The buffer scatter would fill first, when it has {@code room}: the sslkit engine can write the plaintext straight
     * into it. Null when the plaintext has to be spread over several buffers.
     */
    private static ByteBuffer directDestination(ByteBuffer[] dsts, int offset, int length, int room) {
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return dsts[i].remaining() >= room ? dsts[i] : null;
            }
        }
        // no room anywhere, so none is needed: the record carries no application data
        return EMPTY;
    }

    /** Moves {@code plain} into the buffers, in order, as far as they have room. */
    private static int scatter(ByteBuffer plain, ByteBuffer[] dsts, int offset, int length) {
        int n = 0;
        for (int i = offset; i < offset + length && plain.hasRemaining(); i++) {
            int take = Math.min(dsts[i].remaining(), plain.remaining());
            dsts[i].put(plain.slice(plain.position(), take));
            plain.position(plain.position() + take);
            n += take;
        }
        return n;
    }

    /** Bytes of the buffers this engine holds beyond the sslkit engine's: 0 while nothing waits for the caller. */
    int retainedBufferBytes() {
        return staged == null ? 0 : staged.capacity();
    }

    // ---- status -----------------------------------------------------------------------------------------------

    private SSLEngineResult result(Status status, int consumed, int produced) {
        HandshakeStatus hs = getHandshakeStatus();
        if (finishedReported && !renegotiating && core.failure() == null
                && core.handshakeStatus() == SslEngine.HandshakeStatus.NEED_UNWRAP && !core.isInboundDone()) {
            // the peer asked for a new handshake and the engine took it up (a declined request never waits for
            // the peer, so it does not get here)
            renegotiationStarted();
        }
        boolean handshakeDone = core != null && core.isHandshakeComplete() && handshakeNegotiated
                && core.handshakeStatus() == SslEngine.HandshakeStatus.NOT_HANDSHAKING && core.failure() == null;
        if ((!finishedReported || renegotiating) && handshakeDone && hs != HandshakeStatus.NEED_WRAP) {
            finishedReported = true;
            renegotiating = false;
            completed();
            hs = HandshakeStatus.FINISHED;
        }
        return new SSLEngineResult(status, hs, consumed, produced);
    }

    private void completed() {
        boolean client = settings.clientMode();
        session = context.sessions(client).completed(core.session(), getPeerHost(), getPeerPort(),
                client ? requestedServerNames() : clientRequestedNames);
        handshakeSession = null;
        LOG.debug("{} handshake complete: {}", client ? "client" : "server", session);
    }

    /**
     * As SunJSSE: pending output first; once one direction is closed, the other is what remains to be done; during
     * the handshake, whatever the sslkit engine waits for.
     */
    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        if (core == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (outputWaits()) {
            return HandshakeStatus.NEED_WRAP;
        }
        boolean outDone = core.isOutboundDone();
        boolean inDone = core.isInboundDone();
        if (outDone && inDone) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (!core.isHandshakeComplete() || core.handshakeStatus() == SslEngine.HandshakeStatus.NEED_UNWRAP) {
            return HandshakeStatus.NEED_UNWRAP;
        }
        return outDone ? HandshakeStatus.NEED_UNWRAP : HandshakeStatus.NOT_HANDSHAKING;
    }

    /** Turns sslkit's alert into JSSE's exception; the alert itself stays queued for the next wrap. */
    private SSLException fail(SslAlertException e) {
        boolean handshaking = !finishedReported || renegotiating;
        handshakeSession = null;
        CertificateException refusal = trust == null ? null : trust.refusal();
        String message = e.getMessage();
        Throwable cause = e;
        if (refusal != null && !e.isReceived()) {
            message = "the trust manager refused the peer's certificate: " + refusal.getMessage() + " (sent "
                    + e.alert() + ")";
            cause = refusal;
        }
        SSLException x = handshaking ? new SSLHandshakeException(message) : new SSLException(message);
        x.initCause(cause);
        if (cause != e) {
            x.addSuppressed(e);
        }
        return x;
    }

    // ---- closing ----------------------------------------------------------------------------------------------

    @Override
    public synchronized void closeOutbound() {
        if (core == null) {
            outboundClosedEarly = true;
        } else {
            core.closeOutbound();
        }
    }

    @Override
    public synchronized boolean isOutboundDone() {
        return core == null ? closedBeforeStart() : core.isOutboundDone() && staged == null;
    }

    /**
     * The transport ended. Without the peer's close_notify this may be a truncation attack: JSSE says so with an
     * exception, and sslkit makes the session unresumable. As in TLS 1.2's duplex close, our close_notify follows.
     */
    @Override
    public synchronized void closeInbound() throws SSLException {
        if (core == null) {
            inboundClosedEarly = true;
            return;
        }
        if (core.isInboundDone()) {
            return;
        }
        boolean truncated = !core.closeNotifyReceived();
        core.closeInbound();
        core.closeOutbound();
        if (truncated) {
            throw new SSLException("inbound closed before the peer's close_notify: possible truncation attack;"
                    + " the session can no longer be resumed");
        }
    }

    @Override
    public synchronized boolean isInboundDone() {
        return core == null ? closedBeforeStart() : core.isInboundDone();
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Override
    public synchronized SSLSession getSession() {
        if (session != null) {
            return session;
        }
        if (nullSession == null) {
            nullSession = SessionImpl.nullSession(getPeerHost(), getPeerPort());
        }
        return nullSession;
    }

    @Override
    public synchronized SSLSession getHandshakeSession() {
        return core != null && (!finishedReported || renegotiating) && core.failure() == null ? handshakeSession
                : null;
    }

    @Override
    public Runnable getDelegatedTask() {
        return null;
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    @Override
    public String[] getSupportedCipherSuites() {
        return Suites.supported();
    }

    @Override
    public synchronized String[] getEnabledCipherSuites() {
        return settings.enabledSuites();
    }

    @Override
    public synchronized void setEnabledCipherSuites(String[] suites) {
        settings.setEnabledSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return Settings.supportedProtocols();
    }

    @Override
    public synchronized String[] getEnabledProtocols() {
        return settings.enabledProtocols();
    }

    @Override
    public synchronized void setEnabledProtocols(String[] protocols) {
        settings.setEnabledProtocols(protocols);
    }

    @Override
    public synchronized void setUseClientMode(boolean mode) {
        if (core != null) {
            throw new IllegalArgumentException("the mode cannot change once the handshake has started");
        }
        settings.setClientMode(mode);
    }

    @Override
    public synchronized boolean getUseClientMode() {
        return settings.clientMode();
    }

    @Override
    public synchronized void setNeedClientAuth(boolean need) {
        settings.setNeedClientAuth(need);
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
        return settings.needClientAuth();
    }

    @Override
    public synchronized void setWantClientAuth(boolean want) {
        settings.setWantClientAuth(want);
    }

    @Override
    public synchronized boolean getWantClientAuth() {
        return settings.wantClientAuth();
    }

    @Override
    public synchronized void setEnableSessionCreation(boolean flag) {
        settings.setEnableSessionCreation(flag);
    }

    @Override
    public synchronized boolean getEnableSessionCreation() {
        return settings.enableSessionCreation();
    }

    @Override
    public synchronized SSLParameters getSSLParameters() {
        return settings.toParameters();
    }

    @Override
    public synchronized void setSSLParameters(SSLParameters params) {
        settings.apply(params);
    }

    /** sslkit does not negotiate ALPN: once the handshake is done the answer is "none". */
    @Override
    public synchronized String getApplicationProtocol() {
        return session != null ? "" : null;
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return null;
    }

    /** Kept for the getter's sake: sslkit negotiates no ALPN, so the selector is never asked. */
    @Override
    public synchronized void setHandshakeApplicationProtocolSelector(
            BiFunction<SSLEngine, List<String>, String> selector) {
        applicationProtocolSelector = selector;
    }

    @Override
    public synchronized BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    @Override
    public String toString() {
        return "SslkitEngine[" + (settings.clientMode() ? "client" : "server") + ", " + getPeerHost() + ":"
                + getPeerPort() + "]";
    }
}
