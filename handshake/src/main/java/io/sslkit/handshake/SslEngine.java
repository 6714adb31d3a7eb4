package io.sslkit.handshake;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.internal.Connection;
import io.sslkit.record.RecordLimits;
import java.nio.ByteBuffer;

/**
 * One SSL/TLS connection as a non-blocking engine in the spirit of {@code javax.net.ssl.SSLEngine}: wire bytes in
 * and out through {@link #wrap} and {@link #unwrap}, no threads, no sockets. Not thread-safe.
 *
 * <p>After an {@link SslAlertException} the engine is finished; call {@link #wrap} until it produces nothing more to
 * deliver the fatal alert to the peer.
 *
 * <p>A handshake (the first or a renegotiation) must complete within {@link SslConfig#handshakeTimeout()}, measured
 * with {@link SslConfig#clock()} from the first wrap or unwrap that finds it in progress; the first call after the
 * limit fails it with a fatal handshake_failure alert. The engine has no timer: a peer that sends nothing is noticed
 * at the next call, so a transport that waits for input bounds its waits itself (as {@link SslSocket} does).
 */
public final class SslEngine {
    /** What a call achieved. */
    public enum Status {
        OK,
        /** unwrap: no whole record in the source yet. */
        BUFFER_UNDERFLOW,
        /** The destination has no room for the next record or plaintext. */
        BUFFER_OVERFLOW,
        /** This direction is closed (close_notify or a fatal alert). */
        CLOSED
    }

    public enum HandshakeStatus { NEED_WRAP, NEED_UNWRAP, NOT_HANDSHAKING }

    public record Result(Status status, HandshakeStatus handshakeStatus, int bytesConsumed, int bytesProduced) {
    }

    private final SslConfig config;
    private final Connection connection;
    /**
     * Plaintext of a record that did not fit the caller's destination, waiting for the next unwrap; null when none
     * (the usual case: plaintext goes straight from the record layer into the destination).
     */
    private ByteBuffer plaintext;
    private boolean started;
    private boolean inboundDone;
    /** Clock millis at which the handshake in progress was first seen by a wrap or unwrap; NO_HANDSHAKE when none. */
    private long handshakeStart = NO_HANDSHAKE;
    /**
     * How many handshakes had completed when {@link #handshakeStart} was taken: a renegotiation begun right after the
     * call that completed the previous handshake must not inherit its start.
     */
    private int handshakeStartCount;
    private boolean handshakeTimedOut;

    private static final long NO_HANDSHAKE = Long.MIN_VALUE;

    private SslEngine(SslConfig config, String peerHost, int peerPort) {
        this.config = config;
        this.connection = new Connection(config, config.sessionCache().store(), peerHost, peerPort);
    }

    /** A client engine; host and port key the session cache for resumption (host may be null: no resumption). */
    public static SslEngine client(SslConfig config, String peerHost, int peerPort) {
        if (!config.isClient()) {
            throw new IllegalArgumentException("SslEngine.client needs a client configuration");
        }
        return new SslEngine(config, peerHost, peerPort);
    }

    public static SslEngine server(SslConfig config) {
        if (config.isClient()) {
            throw new IllegalArgumentException("SslEngine.server needs a server configuration");
        }
        return new SslEngine(config, null, -1);
    }

    /**
     * Starts the handshake; the first {@link #wrap} or {@link #unwrap} does so too. On an established connection
     * this renegotiates (RFC 5746): a client sends a new ClientHello, a server a HelloRequest.
     *
     * @throws IllegalStateException to renegotiate when the configuration forbids it, the peer does not support
     *                               secure renegotiation, or a handshake is already in progress
     */
    public void beginHandshake() throws SslAlertException {
        if (!started) {
            started = true;
            connection.start();
        } else if (connection.established()) {
            connection.renegotiate();
        }
    }

    private void start() throws SslAlertException {
        if (!started) {
            beginHandshake();
        }
    }

    /**
     * Produces wire bytes into {@code dst}: pending handshake records and alerts first, then (once the handshake
     * is complete) application data taken from {@code src}, at most 2^14 bytes per call. While a renegotiation
     * is in progress (whichever side started it) no application data is consumed: unwrap the peer's flight until
     * {@link #handshakeStatus()} is NOT_HANDSHAKING, then wrap it.
     */
    public Result wrap(ByteBuffer src, ByteBuffer dst) throws SslAlertException {
        start();
        enforceHandshakeTimeout();
        int produced = 0;
        if (connection.hasPendingOutput()) {
            if (!dst.hasRemaining()) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
            produced = connection.drainTo(dst);
            return result(Status.OK, 0, produced);
        }
        if (connection.failure() != null || connection.closeNotifySent()) {
            return result(Status.CLOSED, 0, 0);
        }
        // application data may flow once a first handshake is done; during a renegotiation it waits (nothing
        // consumed) until the new handshake completes
        if (!connection.established() || connection.holdsApplicationData() || !src.hasRemaining()) {
            return result(Status.OK, 0, 0);
        }
        int before = dst.position();
        int consumed = connection.writeApplicationData(src, RecordLimits.MAX_PLAINTEXT, dst);
        produced = dst.position() - before + connection.drainTo(dst);
        return result(Status.OK, consumed, produced);
    }

    /**
     * Consumes at most one record from {@code src}; application data goes to {@code dst}. Plaintext that does not
     * fit stays buffered for the next call.
     */
    public Result unwrap(ByteBuffer src, ByteBuffer dst) throws SslAlertException {
        start();
        enforceHandshakeTimeout();
        if (plaintext != null) {
            return result(Status.OK, 0, drainPlaintext(dst));
        }
        if (inboundDone) {
            return result(Status.CLOSED, 0, 0);
        }
        int before = src.position();
        Connection.Received r = connection.read(src);
        int consumed = src.position() - before;
        if (r == null) {
            return result(Status.BUFFER_UNDERFLOW, consumed, 0);
        }
        if (r == Connection.Received.CLOSE_NOTIFY) {
            inboundDone = true;
            return result(Status.CLOSED, consumed, 0);
        }
        if (r != Connection.Received.APPLICATION_DATA) {
            return result(Status.OK, consumed, 0);
        }
        ByteBuffer data = connection.takeApplicationData();
        int produced = Math.min(dst.remaining(), data.remaining());
        ByteBuffer part = data.slice();
        part.limit(produced);
        dst.put(part);
        data.position(data.position() + produced);
        if (data.hasRemaining()) {
            // the record's plaintext lives in the caller's source buffer (decrypted in place): keep our own copy
            plaintext = ByteBuffer.allocate(data.remaining()).put(data).flip();
        }
        return result(Status.OK, consumed, produced);
    }

    /**
     * Starts the clock for a handshake this call finds in progress (a renegotiation the peer began during the last
     * unwrap included), forgets it once the handshake is over, and fails the handshake when it has run past the
     * limit. The alert is handshake_failure: neither SSL 3.0 nor TLS 1.0-1.2 has one for a timeout, user_canceled
     * is TLS-only and a warning that says we cancelled for reasons of our own, and internal_error would blame
     * ourselves; handshake_failure is fatal in every version and says what happened: no agreement was reached (in
     * time). As after any fatal alert, the session is invalidated and the engine accepts nothing more.
     */
    private void enforceHandshakeTimeout() throws SslAlertException {
        if (connection.failure() != null || !connection.handshaking()) {
            handshakeStart = NO_HANDSHAKE;
            return;
        }
        long now = config.clock().millis();
        if (handshakeStart == NO_HANDSHAKE || handshakeStartCount != connection.completedHandshakes()) {
            handshakeStart = now;
            handshakeStartCount = connection.completedHandshakes();
        } else if (now - handshakeStart > config.handshakeTimeout().toMillis()) {
            handshakeTimedOut = true;
            connection.abort(new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "the handshake did not complete within the handshake timeout of " + config.handshakeTimeout()));
        }
    }

    /** Whether the failure that ended this engine was the handshake time limit. */
    boolean handshakeTimedOut() {
        return handshakeTimedOut;
    }

    private int drainPlaintext(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), plaintext.remaining());
        ByteBuffer part = plaintext.slice();
        part.limit(n);
        dst.put(part);
        plaintext.position(plaintext.position() + n);
        if (!plaintext.hasRemaining()) {
            plaintext = null;
        }
        return n;
    }

    /** Bytes of staging buffers this engine holds beyond its record layer's: 0 for an idle connection. */
    int retainedBufferBytes() {
        return (plaintext == null ? 0 : plaintext.capacity()) + connection.bufferedCapacity();
    }

    private Result result(Status status, int consumed, int produced) {
        return new Result(status, handshakeStatus(), consumed, produced);
    }

    /** For the handshake module's tests, which reach the internal connection's test-only seams through it. */
    Connection connection() {
        return connection;
    }

    /** How many handshakes have completed on this connection: the first one and every renegotiation. */
    int completedHandshakes() {
        return connection.completedHandshakes();
    }

    public HandshakeStatus handshakeStatus() {
        if (connection.hasPendingOutput() || (!started && config.isClient())) {
            return HandshakeStatus.NEED_WRAP;
        }
        if (connection.failure() != null || !connection.handshaking()) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        return HandshakeStatus.NEED_UNWRAP;
    }

    /** True once the first handshake has completed (and stays so through renegotiations). */
    public boolean isHandshakeComplete() {
        return connection.established();
    }

    /** Queues close_notify; {@link #wrap} sends it. */
    public void closeOutbound() {
        try {
            connection.closeOutbound();
        } catch (SslAlertException e) {
            // the failure is remembered by the connection and reported by the next wrap or unwrap
        }
    }

    /**
     * The transport has ended. Without a close_notify received first this is a truncation: the session is not
     * resumable any more.
     */
    public void closeInbound() {
        if (!inboundDone) {
            inboundDone = true;
            connection.endOfInput();
        }
    }

    public boolean isOutboundDone() {
        return (connection.closeNotifySent() || connection.failure() != null) && !connection.hasPendingOutput();
    }

    public boolean isInboundDone() {
        return inboundDone || connection.failure() != null;
    }

    /** True when the peer closed with close_notify (rather than a fatal alert or a bare end of input). */
    public boolean closeNotifyReceived() {
        return connection.closeNotifyReceived();
    }

    /** The error that ended this connection, or null. */
    public SslAlertException failure() {
        return connection.failure();
    }

    /** The session of the last completed handshake, or null until the first completes. */
    public SslSession session() {
        return connection.session();
    }

    public SslConfig config() {
        return config;
    }

    /** Room a buffer needs for one record off the wire. */
    public int packetBufferSize() {
        return RecordLimits.MAX_RECORD_SIZE;
    }

    /** Room a buffer needs for the plaintext of one record. */
    public int applicationBufferSize() {
        return RecordLimits.MAX_PLAINTEXT;
    }

    @Override
    public String toString() {
        return "SslEngine[" + (config.isClient() ? "client" : "server") + ", " + handshakeStatus() + "]";
    }
}
