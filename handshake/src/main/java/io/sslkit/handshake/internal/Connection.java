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
import io.sslkit.record.RecordLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The seam between handshake, record layer and alert protocol for one connection. Everything the handshake wants
 * sent is turned into records at once, in order, into an output queue that the engine drains; consecutive handshake
 * messages share records. Not thread-safe.
 */
public final class Connection implements HandshakeOutput {
    private final RecordLayer records;
    private final AlertProtocol alerts;
    private final Handshaker handshaker;
    private final HandshakeAssembler assembler;
    private final SessionStore cache;
    private final ByteArrayOutputStream pendingHandshake = new ByteArrayOutputStream();
    /** Wire bytes not yet handed to the transport: outBuf[outStart..outEnd). */
    private byte[] outBuf = new byte[RecordLimits.MAX_RECORD_SIZE];
    private int outStart;
    private int outEnd;
    private ProtocolVersion recordVersion;
    private SslAlertException failure;
    private boolean closeRequested;

    public Connection(SslConfig config, SessionStore cache, String peerHost, int peerPort) {
        this.records = new RecordLayer(RecordLimits.DEFAULT, config.random());
        this.alerts = new AlertProtocol(config.listener(), AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS);
        this.cache = cache;
        this.assembler = new HandshakeAssembler(config.maxHandshakeMessageSize());
        this.handshaker = config.isClient() ? Handshaker.client(config, this, cache, peerHost, peerPort)
                : Handshaker.server(config, this, cache);
        if (config.isClient()) {
            // the first record carries min(highest, TLS 1.0): SSL 3.0-only servers accept 3.0, the rest 3.1
            ProtocolVersion highest = Negotiator.highest(config.protocols());
            records.setInitialVersion(highest.isSsl3() ? highest.wireValue() : ProtocolVersion.TLS_1_0.wireValue());
        }
    }

    public Handshaker handshaker() {
        return handshaker;
    }

    public void start() throws SslAlertException {
        run(handshaker::start);
    }

    // ---- input ------------------------------------------------------------------------------------------------

    /** What one received record turned out to be, for the engine. */
    public enum Received { NOTHING, APPLICATION_DATA, CLOSE_NOTIFY }

    /**
     * Reads at most one record from {@code in}; application data is appended to {@code appOut}, which must have
     * room for 2^14 bytes.
     *
     * @return null when {@code in} holds no whole record yet
     */
    public Received read(ByteBuffer in, ByteBuffer appOut) throws SslAlertException {
        Received[] result = {null};
        run(() -> result[0] = readRecord(in, appOut));
        return result[0];
    }

    private Received readRecord(ByteBuffer in, ByteBuffer appOut) throws SslAlertException {
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
                byte[] bytes = new byte[f.remaining()];
                f.get(bytes);
                assembler.add(bytes);
                HandshakeMessage m;
                while ((m = assembler.next()) != null) {
                    handshaker.receive(m);
                    syncVersion();
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
                if (!handshaker.isComplete()) {
                    throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "application data before the handshake completed");
                }
                appOut.put(f);
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

    /** Encrypts application data (at most 2^14 bytes at a time are taken from {@code src}) into the queue. */
    public int writeApplicationData(ByteBuffer src, int max) throws SslAlertException {
        int n = Math.min(max, src.remaining());
        ByteBuffer slice = src.slice();
        slice.limit(n);
        int[] done = {0};
        run(() -> {
            put(ContentType.APPLICATION_DATA, slice);
            done[0] = n;
        });
        src.position(src.position() + n);
        return done[0];
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
            outStart = 0;
            outEnd = 0;
        }
        return n;
    }

    public boolean hasPendingOutput() {
        return outEnd > outStart;
    }

    @Override
    public void message(HandshakeMessage message) {
        pendingHandshake.write(message.encoded(), 0, message.encoded().length);
    }

    @Override
    public void changeCipherSpec(CipherState write) {
        try {
            flushHandshake();
            records.setPendingWrite(write);
            writeRecord(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.MESSAGE);
            records.changeWriteCipherSpec();
        } catch (SslAlertException e) {
            throw new DeferredAlert(e);
        }
    }

    @Override
    public void expectChangeCipherSpec(CipherState read) {
        records.setPendingRead(read);
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
    }

    private void flushHandshake() throws SslAlertException {
        syncVersion();
        if (pendingHandshake.size() > 0) {
            byte[] bytes = pendingHandshake.toByteArray();
            pendingHandshake.reset();
            writeRecord(ContentType.HANDSHAKE, bytes);
        }
    }

    private void writeRecord(ContentType type, byte[] bytes) throws SslAlertException {
        put(type, ByteBuffer.wrap(bytes));
    }

    private void put(ContentType type, ByteBuffer data) throws SslAlertException {
        int need = records.maxWireSize(data.remaining());
        if (outBuf.length - outEnd < need) {
            byte[] bigger = new byte[Math.max(outBuf.length, outEnd - outStart + need)];
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
                pendingHandshake.reset();
                writeRecord(ContentType.ALERT, alerts.fatal(e.alert(), records.version()).encode());
            } catch (SslAlertException | RuntimeException ignored) {
                // nothing more can be said to the peer
            }
        }
        throw e;
    }

    private void invalidateSession() {
        Session s = handshaker.session();
        if (s != null) {
            s.invalidate();
            cache.remove(s);
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
