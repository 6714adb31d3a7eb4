package io.sslkit.handshake.internal;

import io.sslkit.alert.Alert;
import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslConfig;
import io.sslkit.record.ChangeCipherSpec;
import io.sslkit.record.CipherState;
import io.sslkit.record.ContentType;
import io.sslkit.record.Record;
import io.sslkit.record.RecordLayer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The seam between handshake, record layer and alert protocol for one connection. Everything the handshake wants
 * sent is turned into records at once, in order, into an output queue that the engine drains; consecutive handshake
 * messages share records. Not thread-safe.
 *
 * <p>An idle established connection holds no record-sized buffer: the output queue exists only while it has bytes
 * (application data normally bypasses it, protected straight into the caller's buffer), received application data
 * is left where the record layer decrypted it for the engine to copy, and a completed handshake keeps only what
 * the connection still needs.
 */
public final class Connection implements HandshakeOutput {
    private static final byte[] EMPTY = new byte[0];

    private final RecordLayer records;
    private final AlertProtocol alerts;
    private final SslConfig config;
    private final String peerHost;
    private final int peerPort;
    /** The handshake in progress, or the last one completed. */
    private Handshaker handshaker;
    /** The last handshake that completed: its session is the connection's. */
    private Handshaker established;
    private final HandshakeAssembler assembler;
    private final SessionStore cache;
    /** Handshake messages of the flight being built, not yet cut into records; null between flights. */
    private ByteArrayOutputStream pendingHandshake;
    /** Wire bytes not yet handed to the transport: outBuf[outStart..outEnd); empty whenever nothing is queued. */
    private byte[] outBuf = EMPTY;
    /** The plaintext of the application data record {@link #read} returned last, until the engine takes it. */
    private ByteBuffer applicationData;
    private int outStart;
    private int outEnd;
    private ProtocolVersion recordVersion;
    private SslAlertException failure;
    private boolean closeRequested;
    /**
     * Our close_notify is queued: nothing may follow it on the wire (RFC 5246 §7.2.1; SunJSSE likewise ignores
     * handshake messages and alerts once its outbound side is closed). A handshake still in progress goes on reading,
     * but its answers, and an alert for a later failure, are dropped. Before, they were queued behind the close_notify
     * and an engine whose outbound side was done had output again (found by JsseEngineFuzzTest).
     */
    private boolean outputClosed;
    /** Handshakes completed so far: how a waiting renegotiation tells that the new one is done. */
    private int completedHandshakes;
    /** Made on the first renegotiation: most connections never renegotiate. */
    private RenegotiationBudget renegotiations;
    /**
     * Server: our HelloRequest went out and was counted against the budget; the ClientHello that answers it is the
     * same renegotiation and is not counted again. Before, a server-initiated renegotiation counted twice, so the
     * server's second request within a minute (of the default 3) declined the very ClientHello it had asked for
     * (found by JsseEngineFuzzTest).
     */
    private boolean helloRequested;
    /** Test-only; see {@link #enableFuzzerMode()}. Never set by production code. */
    private boolean fuzzerMode;

    public Connection(SslConfig config, SessionStore cache, String peerHost, int peerPort) {
        this.config = config;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.records = new RecordLayer(config.recordLimits());
        this.alerts = new AlertProtocol(config.listener(), config.maxConsecutiveWarnings());
        this.cache = cache;
        this.assembler = new HandshakeAssembler(config.maxHandshakeMessageSize());
        this.handshaker = config.isClient() ? Handshaker.client(config, this, cache, peerHost, peerPort, null)
                : Handshaker.server(config, this, cache, null);
        if (config.isClient()) {
            // the first record carries min(highest, TLS 1.0): SSL 3.0-only servers accept 3.0, the rest 3.1
            ProtocolVersion highest = Negotiator.highest(config.protocols());
            records.setInitialVersion(highest.isSsl3() ? highest.wireValue() : ProtocolVersion.TLS_1_0.wireValue());
        }
    }

    /**
     * TEST-ONLY fuzzer mode, as BoringSSL's and OpenSSL's fuzzing builds have: the peer's Finished verify_data is
     * length-checked but not compared, ServerKeyExchange and CertificateVerify signatures are parsed but their
     * verification result is ignored, and ChangeCipherSpec switches both directions to the null cipher without a MAC.
     * With a deterministic {@code SslConfig.random} and a fixed {@code SslConfig.clock} a recorded conversation then
     * replays byte for byte, so a fuzzer can reach Finished, application data, alerts and renegotiation by mutating
     * plaintext instead of failing at the first MAC or signature.
     *
     * <p>It switches off the protocol's security, so it is reachable only from test code: this method is
     * package-private in a package that module-info.java does not export and the bundle does not export, nothing
     * public calls it, and only the handshake module's tests (same package) do. Call it before the first
     * wrap/unwrap.
     */
    void enableFuzzerMode() {
        fuzzerMode = true;
    }

    @Override
    public boolean fuzzerMode() {
        return fuzzerMode;
    }

    /** True once a first handshake has completed (and stays so through renegotiations). */
    public boolean established() {
        return established != null;
    }

    /** How many handshakes (the first and every renegotiation) have completed. */
    public int completedHandshakes() {
        return completedHandshakes;
    }

    /**
     * True while a renegotiation is in progress, whoever asked for it: outbound application data waits for its
     * Finished. RFC 5246 would let it interleave, but OpenSSL ends the connection on application data between a
     * renegotiation's ClientHello and Finished (a server once its ServerHello is out, a client once its ClientHello
     * is). Inbound application data is still accepted meanwhile, under the current keys.
     */
    public boolean holdsApplicationData() {
        return established != null && handshaking();
    }

    /** True while a handshake (the first or a renegotiation) is in progress. */
    public boolean handshaking() {
        return !handshaker.isComplete();
    }

    /** The session of the last completed handshake, or null. */
    public SessionView session() {
        return established == null ? null : new SessionView(established.session(), established.resumed());
    }

    public void start() throws SslAlertException {
        run(handshaker::start);
    }

    /**
     * Starts a renegotiation (RFC 5746): a client sends a new ClientHello, a server a HelloRequest. Only on an
     * established TLS connection that agreed on secure renegotiation, and only when the configuration allows it.
     *
     * @throws IllegalStateException when the connection cannot renegotiate
     */
    public void renegotiate() throws SslAlertException {
        if (established == null || handshaking()) {
            throw new IllegalStateException("no completed handshake to renegotiate, or one is in progress");
        }
        if (!mayRenegotiate()) {
            throw new IllegalStateException("renegotiation is off, or the peer does not support RFC 5746");
        }
        if (!renegotiationBudget().tryStart()) {
            throw new IllegalStateException("more than " + config.maxRenegotiationsPerMinute()
                    + " renegotiations within a minute");
        }
        run(() -> {
            if (config.isClient()) {
                handshaker = Handshaker.client(config, this, cache, peerHost, peerPort, established.finishedData());
                handshaker.start();
            } else {
                helloRequested = true;
                HandshakeMessage request = HandshakeMessage.of(HandshakeType.HELLO_REQUEST, new byte[0]);
                new Events(config.listener(), false).message(true, HandshakeType.HELLO_REQUEST, 0);
                message(request);
            }
        });
    }

    private RenegotiationBudget renegotiationBudget() {
        if (renegotiations == null) {
            renegotiations = new RenegotiationBudget(config.maxRenegotiationsPerMinute(), config.clock()::millis);
        }
        return renegotiations;
    }

    private boolean mayRenegotiate() {
        return config.renegotiation() && established.secureRenegotiation() && !established.version().isSsl3();
    }

    /**
     * A ClientHello to a server, or a HelloRequest to a client, after a completed handshake starts a renegotiation
     * if the connection may renegotiate; otherwise the completed handshake declines it.
     *
     * @return true when the message began a renegotiation and has been handled
     */
    private boolean renegotiationStarts(HandshakeMessage m) throws SslAlertException {
        if (!handshaker.isComplete() || !mayRenegotiate()) {
            return false;
        }
        // beyond the budget the completed handshake declines, as when renegotiation is off
        if (!config.isClient() && m.type() == HandshakeType.CLIENT_HELLO
                && (helloRequested || renegotiationBudget().tryStart())) {
            helloRequested = false;
            handshaker = Handshaker.server(config, this, cache, established.finishedData());
            handshaker.receive(m);
            return true;
        }
        if (config.isClient() && m.type() == HandshakeType.HELLO_REQUEST && m.body().length == 0
                && renegotiationBudget().tryStart()) {
            new Events(config.listener(), true).message(false, HandshakeType.HELLO_REQUEST, 0);
            handshaker = Handshaker.client(config, this, cache, peerHost, peerPort, established.finishedData());
            handshaker.start();
            return true;
        }
        return false;
    }

    // ---- input ------------------------------------------------------------------------------------------------

    /** What one received record turned out to be, for the engine. */
    public enum Received { NOTHING, APPLICATION_DATA, CLOSE_NOTIFY }

    /**
     * Reads at most one record from {@code in}. For {@link Received#APPLICATION_DATA} the plaintext is then taken
     * with {@link #takeApplicationData()}.
     *
     * @return null when {@code in} holds no whole record yet
     */
    public Received read(ByteBuffer in) throws SslAlertException {
        applicationData = null;
        Received[] result = {null};
        run(() -> result[0] = readRecord(in));
        return result[0];
    }

    /**
     * The plaintext of the application data record the last {@link #read} returned, once: a view of the record
     * layer's output (usually the caller's input buffer, decrypted in place), valid only until that buffer changes,
     * so the engine copies it out at once. Not kept here, so that an idle connection holds no reference to the
     * caller's buffer or its plaintext.
     */
    public ByteBuffer takeApplicationData() {
        ByteBuffer data = applicationData;
        applicationData = null;
        return data;
    }

    private Received readRecord(ByteBuffer in) throws SslAlertException {
        Record r = records.read(in);
        if (r == null) {
            return null;
        }
        ByteBuffer f = r.fragment();
        if (r.type() != ContentType.ALERT) {
            alerts.nonAlertRecordSeen();
        }
        if (r.type() != ContentType.HANDSHAKE && !assembler.isEmpty()) {
            // RFC 5246 §6.2.1: other content may not interleave with a fragmented handshake message
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    r.type() + " record inside a fragmented handshake message");
        }
        switch (r.type()) {
            case HANDSHAKE -> {
                assembler.add(f);
                HandshakeMessage m;
                while ((m = assembler.next()) != null) {
                    if (!renegotiationStarts(m)) {
                        handshaker.receive(m);
                    }
                    syncVersion();
                    if (handshaker.isComplete() && established != handshaker) {
                        // the transcript, keys and key exchange are dead weight from here on: an idle connection
                        // keeps only the outcome (session, verify_data for a renegotiation to prove)
                        handshaker = handshaker.successor();
                        established = handshaker;
                        completedHandshakes++;
                    }
                }
                return Received.NOTHING;
            }
            case CHANGE_CIPHER_SPEC -> {
                ChangeCipherSpec.check(r, records.version());
                handshaker.receiveChangeCipherSpec();
                records.changeReadCipherSpec();
                return Received.NOTHING;
            }
            case ALERT -> {
                Alert a = alerts.receive(f, records.version());
                if (a.description() == AlertDescription.CLOSE_NOTIFY) {
                    if (alerts.closeNotifyReplyDue()) {
                        sendAlert(alerts.closeNotify());
                    }
                    return Received.CLOSE_NOTIFY;
                }
                handshaker.receiveWarning(a.description());
                return Received.NOTHING;
            }
            case APPLICATION_DATA -> {
                // during a renegotiation application data keeps flowing under the current keys
                if (established == null) {
                    throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "application data before the handshake completed");
                }
                applicationData = f;
                return Received.APPLICATION_DATA;
            }
            default -> throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, "content type " + r.type());
        }
    }

    /** The transport ended; without close_notify that is a truncation and the session must not be resumed. */
    public void endOfInput() {
        alerts.endOfInput();
        if (alerts.truncated()) {
            invalidateSession();
        }
    }

    // ---- output -----------------------------------------------------------------------------------------------

    /**
     * Protects up to {@code max} bytes of application data from {@code src}: straight into {@code dst} when nothing
     * is queued and it has room (the common case, one copy), else into the queue.
     */
    public int writeApplicationData(ByteBuffer src, int max, ByteBuffer dst) throws SslAlertException {
        int n = Math.min(max, src.remaining());
        ByteBuffer slice = src.slice();
        slice.limit(n);
        run(() -> {
            if (!hasPendingOutput() && dst.remaining() >= records.maxWireSize(n)) {
                records.write(ContentType.APPLICATION_DATA, slice, dst);
            } else {
                put(ContentType.APPLICATION_DATA, slice);
            }
        });
        src.position(src.position() + n);
        return n;
    }

    public void closeOutbound() throws SslAlertException {
        if (closeRequested || failure != null) {
            return;
        }
        closeRequested = true;
        if (!alerts.closeNotifySent()) {
            run(() -> sendAlert(alerts.closeNotify()));
        }
    }

    /** Moves as many queued wire bytes as fit into {@code dst}; returns how many. */
    public int drainTo(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), outEnd - outStart);
        dst.put(outBuf, outStart, n);
        outStart += n;
        if (outStart == outEnd) {
            // a flight goes out once; keeping its buffer would cost every idle connection a few KiB
            outBuf = EMPTY;
            outStart = 0;
            outEnd = 0;
        }
        return n;
    }

    /** Bytes of buffers this connection holds for queued output and partial handshake messages (0 when idle). */
    public int bufferedCapacity() {
        return outBuf.length + (pendingHandshake == null ? 0 : pendingHandshake.size()) + assembler.capacity();
    }

    public boolean hasPendingOutput() {
        return outEnd > outStart;
    }

    @Override
    public void message(HandshakeMessage message) {
        if (pendingHandshake == null) {
            pendingHandshake = new ByteArrayOutputStream(message.encoded().length);
        }
        pendingHandshake.write(message.encoded(), 0, message.encoded().length);
    }

    @Override
    public void changeCipherSpec(CipherState write) {
        try {
            flushHandshake();
            // fuzzer mode: records stay plaintext without a MAC, as BoringSSL's fuzzer mode does
            records.setPendingWrite(fuzzerMode ? CipherState.initial() : write);
            writeRecord(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.MESSAGE);
            records.changeWriteCipherSpec();
        } catch (SslAlertException e) {
            throw new DeferredAlert(e);
        }
    }

    @Override
    public void expectChangeCipherSpec(CipherState read) {
        records.setPendingRead(fuzzerMode ? CipherState.initial() : read);
    }

    @Override
    public void warning(AlertDescription description) {
        try {
            flushHandshake();
            sendAlert(alerts.warning(description, handshaker.version()));
        } catch (SslAlertException e) {
            throw new DeferredAlert(e);
        }
    }

    private void sendAlert(Alert a) throws SslAlertException {
        flushHandshake();
        writeRecord(ContentType.ALERT, a.encode());
        if (a.description() == AlertDescription.CLOSE_NOTIFY) {
            outputClosed = true;
        }
    }

    private void flushHandshake() throws SslAlertException {
        syncVersion();
        if (pendingHandshake != null) {
            byte[] bytes = pendingHandshake.toByteArray();
            pendingHandshake = null;
            writeRecord(ContentType.HANDSHAKE, bytes);
        }
    }

    private void writeRecord(ContentType type, byte[] bytes) throws SslAlertException {
        put(type, ByteBuffer.wrap(bytes));
    }

    private void put(ContentType type, ByteBuffer data) throws SslAlertException {
        if (outputClosed) {
            return;
        }
        int need = records.maxWireSize(data.remaining());
        if (outBuf.length - outEnd < need) {
            // doubling keeps a flight queued record by record linear; an exact first size keeps it small
            byte[] bigger = new byte[Math.max(2 * outBuf.length, outEnd - outStart + need)];
            System.arraycopy(outBuf, outStart, bigger, 0, outEnd - outStart);
            outEnd -= outStart;
            outStart = 0;
            outBuf = bigger;
        }
        ByteBuffer out = ByteBuffer.wrap(outBuf, outEnd, outBuf.length - outEnd);
        records.write(type, data, out);
        outEnd = out.position();
    }

    private void syncVersion() {
        ProtocolVersion v = handshaker.version();
        if (v != null && v != recordVersion) {
            records.setVersion(v);
            recordVersion = v;
        }
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Step {
        void run() throws SslAlertException;
    }

    /**
     * Runs a step; a failure sends its fatal alert (unless the peer sent one), invalidates the session and makes
     * the connection unusable.
     */
    private void run(Step step) throws SslAlertException {
        if (failure != null) {
            throw failure;
        }
        try {
            step.run();
            flushHandshake();
        } catch (DeferredAlert e) {
            fail(e.alert);
        } catch (SslAlertException e) {
            fail(e);
        } catch (RuntimeException e) {
            // a bug here or in an algorithm module must still end the connection cleanly, with an alert
            fail(new SslAlertException(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
        }
    }

    private void fail(SslAlertException e) throws SslAlertException {
        failure = e;
        invalidateSession();
        if (!e.isReceived()) {
            try {
                pendingHandshake = null;
                writeRecord(ContentType.ALERT, alerts.fatal(e.alert(), records.version()).encode());
            } catch (SslAlertException | RuntimeException ignored) {
                // nothing more can be said to the peer
            }
        }
        throw e;
    }

    /**
     * Ends the handshake in progress with {@code e} as if the handshake had detected it: its fatal alert is queued
     * for the peer, the session is invalidated and the connection accepts nothing more.
     */
    public void abort(SslAlertException e) throws SslAlertException {
        run(() -> {
            throw e;
        });
    }

    private void invalidateSession() {
        for (Handshaker h : new Handshaker[] {established, handshaker}) {
            Session s = h == null ? null : h.session();
            if (s != null) {
                s.invalidate();
                cache.remove(s);
            }
        }
    }

    public SslAlertException failure() {
        return failure;
    }

    public boolean closeNotifyReceived() {
        return alerts.closeNotifyReceived();
    }

    public boolean closeNotifySent() {
        return alerts.closeNotifySent();
    }

    public boolean fatalSeen() {
        return alerts.fatalSeen();
    }

    /** Carries an alert out of the {@link HandshakeOutput} callbacks, which cannot throw checked exceptions. */
    private static final class DeferredAlert extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SslAlertException alert;

        DeferredAlert(SslAlertException alert) {
            super(alert.getMessage(), null, false, false);
            this.alert = alert;
        }
    }
}
