package io.sslkit.handshake;

import io.sslkit.api.SslAlertException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking connection over a {@link Socket}: an {@link SslEngine} with the socket's streams. One thread may read
 * while another writes; the engine itself is only ever touched under one lock, and wire output is written to the
 * socket in the order the engine produced it.
 */
public final class SslSocket implements Closeable {
    private static final int LINGER_MILLIS = 1000;

    private final Socket socket;
    private final SslEngine engine;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final Object engineLock = new Object();
    private final Object writeLock = new Object();
    private final Object handshakeLock = new Object();
    private final Object renegotiationLock = new Object();
    /** Held by a thread in the InputStream; a lock object so that a held-back writer can see whether one is there. */
    private final ReentrantLock readLock = new ReentrantLock();
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;
    private final InputStream in = new In();
    private final OutputStream out = new Out();
    private boolean eof;
    /** System.nanoTime() by which the running handshake must complete; 0 while none runs. */
    private volatile long handshakeDeadline;

    private SslSocket(Socket socket, SslEngine engine) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.rawIn = socket.getInputStream();
        this.rawOut = socket.getOutputStream();
        this.netIn = ByteBuffer.allocate(engine.packetBufferSize()).flip();
        this.netOut = ByteBuffer.allocate(engine.packetBufferSize() * 2);
        this.appIn = ByteBuffer.allocate(engine.applicationBufferSize()).flip();
    }

    /** Connects over TCP; the handshake runs on {@link #startHandshake()} or the first read or write. */
    public static SslSocket connect(String host, int port, SslConfig config) throws IOException {
        Socket s = new Socket(host, port);
        try {
            return new SslSocket(s, SslEngine.client(config, host, port));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Accepts one TCP connection; the handshake runs on {@link #startHandshake()} or the first read or write. */
    public static SslSocket accept(ServerSocket server, SslConfig config) throws IOException {
        Socket s = server.accept();
        try {
            return new SslSocket(s, SslEngine.server(config));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Runs the handshake to its end, or throws the alert that ended it (after sending it). */
    public void startHandshake() throws IOException {
        if (handshakeComplete()) {
            return;
        }
        synchronized (handshakeLock) {
            runHandshake();
        }
    }

    /**
     * Renegotiates (RFC 5746) and waits for the new handshake to complete: a client sends a new ClientHello, a
     * server a HelloRequest. Application data the peer sends meanwhile is kept for {@link #getInputStream()}. A
     * peer that never completes the new handshake (or declines it) ends the wait with a
     * {@link SocketTimeoutException} after {@link SslConfig#handshakeTimeout()}.
     *
     * @throws IllegalStateException when renegotiation is off or the peer does not support RFC 5746
     */
    public void renegotiate() throws IOException {
        startHandshake();
        // one renegotiation at a time; the handshake lock is not held while waiting, because a writer held back by
        // the renegotiation may be the thread that drives it (it takes the read lock, then the handshake lock)
        synchronized (renegotiationLock) {
            int before;
            synchronized (handshakeLock) {
                synchronized (engineLock) {
                    before = engine.completedHandshakes();
                    engine.beginHandshake();
                }
            }
            awaitHandshakeBeyond(before);
        }
    }

    /**
     * Waits, within the handshake timeout, for a handshake count beyond {@code before}. The peer's flights are read
     * under the read lock so that this thread and one blocked in the InputStream never share the input buffer;
     * when such a reader holds it, that reader processes the flights (and sends ours) while this thread watches the
     * count. A server's HelloRequest leaves the engine idle until the ClientHello arrives, so records are read even
     * while the engine is not handshaking (their application data kept for the InputStream).
     */
    private void awaitHandshakeBeyond(int before) throws IOException {
        long deadline = System.nanoTime() + engine.config().handshakeTimeout().toNanos();
        flush();
        while (true) {
            int completed;
            SslAlertException failure;
            synchronized (engineLock) {
                completed = engine.completedHandshakes();
                failure = engine.failure();
            }
            if (completed > before) {
                return;
            }
            if (failure != null) {
                throw reported(failure);
            }
            // a peer that declines (no_renegotiation) or an InputStream buffer nobody empties would otherwise keep
            // this loop going
            if (System.nanoTime() - deadline > 0) {
                throw handshakeTimedOut();
            }
            if (readLock.tryLock()) {
                handshakeDeadline = Math.max(1, deadline);
                try {
                    if (handshaking()) {
                        runHandshakeSteps();
                    } else if (readRecord() == SslEngine.Status.CLOSED) {
                        throw new EOFException("connection closed while waiting for the renegotiation");
                    }
                } finally {
                    handshakeDeadline = 0;
                    readLock.unlock();
                }
            } else {
                pause("interrupted while waiting for the renegotiation");
            }
        }
    }

    private static void pause(String why) throws InterruptedIOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(why);
        }
    }

    /**
     * Runs the handshake within {@link SslConfig#handshakeTimeout()}: each read waits at most for what is left of
     * it, and the time left is checked before each read, so a peer that sends one byte at a time is cut off too.
     */
    private void runHandshake() throws IOException {
        synchronized (handshakeLock) {
            handshakeDeadline = Math.max(1, System.nanoTime() + engine.config().handshakeTimeout().toNanos());
            try {
                runHandshakeSteps();
            } finally {
                handshakeDeadline = 0;
            }
        }
    }

    private void runHandshakeSteps() throws IOException {
        synchronized (handshakeLock) {
            while (handshaking()) {
                SslEngine.HandshakeStatus hs;
                SslAlertException failure;
                synchronized (engineLock) {
                    hs = engine.handshakeStatus();
                    failure = engine.failure();
                }
                if (hs == SslEngine.HandshakeStatus.NEED_WRAP) {
                    flush();
                } else if (failure != null) {
                    throw reported(failure);
                } else if (readRecord() == SslEngine.Status.CLOSED) {
                    throw new EOFException("connection closed during the handshake");
                }
            }
            flush();
            SslAlertException failure;
            synchronized (engineLock) {
                failure = engine.failure();
            }
            if (failure != null) {
                throw reported(failure);
            }
        }
    }

    private boolean handshakeComplete() {
        synchronized (engineLock) {
            return engine.isHandshakeComplete();
        }
    }

    private boolean handshaking() {
        synchronized (engineLock) {
            return engine.handshakeStatus() != SslEngine.HandshakeStatus.NOT_HANDSHAKING;
        }
    }

    /** Sends what the engine has queued (handshake records, alerts, close_notify). */
    private void flush() throws IOException {
        synchronized (writeLock) {
            while (true) {
                netOut.clear();
                synchronized (engineLock) {
                    try {
                        engine.wrap(ByteBuffer.allocate(0), netOut);
                    } catch (SslAlertException e) {
                        // the alert is queued; fall through to send it, the failure is rethrown by the caller
                    }
                }
                netOut.flip();
                if (!netOut.hasRemaining()) {
                    return;
                }
                rawOut.write(netOut.array(), 0, netOut.limit());
                rawOut.flush();
            }
        }
    }

    /**
     * Reads one record (blocking for input as needed) and processes it. A failure is sent to the peer before it
     * is thrown.
     */
    private SslEngine.Status readRecord() throws IOException {
        while (true) {
            SslEngine.Result r = null;
            SslAlertException failure = null;
            synchronized (engineLock) {
                appIn.compact();
                try {
                    r = engine.unwrap(netIn, appIn);
                } catch (SslAlertException e) {
                    failure = e;
                } finally {
                    appIn.flip();
                }
            }
            if (failure != null) {
                // sent outside the engine lock: flush takes the write lock, which a writer holds before the engine's
                sendFailure();
                throw reported(failure);
            }
            if (r.handshakeStatus() == SslEngine.HandshakeStatus.NEED_WRAP) {
                flush();
            }
            if (r.status() != SslEngine.Status.BUFFER_UNDERFLOW) {
                return r.status();
            }
            if (!fill()) {
                return SslEngine.Status.CLOSED;
            }
        }
    }

    private void sendFailure() {
        try {
            flush();
        } catch (IOException ignored) {
            // the peer may be gone already; the original failure is what matters
        }
    }

    /** Reads more wire bytes; false at end of stream (which, without close_notify, is a truncation). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        netIn.compact();
        int n;
        try {
            n = readWithinDeadline();
        } catch (IOException | RuntimeException e) {
            netIn.flip();
            throw e;
        }
        if (n < 0) {
            netIn.flip();
            eof = true;
            synchronized (engineLock) {
                engine.closeInbound();
            }
            return false;
        }
        netIn.position(netIn.position() + n);
        netIn.flip();
        return true;
    }

    private int readWithinDeadline() throws IOException {
        long deadline = handshakeDeadline;
        if (deadline == 0) {
            return rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw handshakeTimedOut();
        }
        int saved = socket.getSoTimeout();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
        // our limit is the one that counts unless the application's own socket timeout is shorter
        boolean capped = saved == 0 || saved > millis;
        if (capped) {
            socket.setSoTimeout(millis);
        }
        try {
            return rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        } catch (SocketTimeoutException e) {
            if (capped) {
                SocketTimeoutException t = handshakeTimedOut();
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            if (capped && !socket.isClosed()) {
                socket.setSoTimeout(saved);
            }
        }
    }

    /**
     * The engine enforces the handshake timeout too (with the configuration's clock, at each wrap and unwrap); when
     * its check is the one that fires, the caller still sees the socket's timeout, with the alert as the cause.
     */
    private IOException reported(SslAlertException failure) {
        boolean timedOut;
        synchronized (engineLock) {
            timedOut = engine.handshakeTimedOut();
        }
        if (!timedOut) {
            return failure;
        }
        SocketTimeoutException t = handshakeTimedOut();
        t.initCause(failure);
        return t;
    }

    private SocketTimeoutException handshakeTimedOut() {
        return new SocketTimeoutException("the handshake did not complete within the handshake timeout of "
                + engine.config().handshakeTimeout() + "; the peer is too slow or stalling");
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    /** The negotiated session, or null before the handshake has completed. */
    public SslSession session() {
        synchronized (engineLock) {
            return engine.session();
        }
    }

    /** Whether the peer closed with close_notify; false at a bare end of input (a truncation). */
    public boolean closeNotifyReceived() {
        synchronized (engineLock) {
            return engine.closeNotifyReceived();
        }
    }

    public Socket socket() {
        return socket;
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            synchronized (engineLock) {
                engine.closeOutbound();
            }
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                flush();
                lingerAfterFailure();
            }
        } finally {
            socket.close();
        }
    }

    /**
     * After we sent a fatal alert the peer may still be writing its flight; closing with its bytes unread would
     * reset the connection and destroy our alert before the peer reads it. So half-close and drain for a moment.
     */
    private void lingerAfterFailure() {
        SslAlertException failure;
        synchronized (engineLock) {
            failure = engine.failure();
        }
        if (failure == null || failure.isReceived() || eof) {
            return;
        }
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            byte[] sink = new byte[4096];
            long deadline = System.currentTimeMillis() + LINGER_MILLIS;
            while (rawIn.read(sink) >= 0 && System.currentTimeMillis() < deadline) {
                // discard: the connection is over
            }
        } catch (IOException ignored) {
            // a timeout or reset here changes nothing: the alert was sent
        }
    }

    /**
     * Sends close_notify but keeps the socket open for reading, so the peer's remaining data and its own
     * close_notify still arrive (what a client does at the end of its input). {@link #close()} afterwards.
     */
    public void shutdownOutput() throws IOException {
        synchronized (engineLock) {
            engine.closeOutbound();
        }
        flush();
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            startHandshake();
            readLock.lock();
            try {
                while (true) {
                    synchronized (engineLock) {
                        if (appIn.hasRemaining()) {
                            int n = Math.min(len, appIn.remaining());
                            appIn.get(b, off, n);
                            return n;
                        }
                    }
                    if (readRecord() == SslEngine.Status.CLOSED) {
                        synchronized (engineLock) {
                            if (!appIn.hasRemaining()) {
                                return -1;
                            }
                        }
                    }
                }
            } finally {
                readLock.unlock();
            }
        }

        @Override
        public int available() {
            synchronized (engineLock) {
                return appIn.remaining();
            }
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            startHandshake();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                if (!writeSome(src)) {
                    awaitRenegotiationForWrite();
                }
            }
        }

        /**
         * Waits, outside the write lock (the renegotiating thread needs it for its flights), until the renegotiation
         * that holds application data back is over. A thread in the InputStream reads the peer's flights itself;
         * without one this thread reads them, under the read lock so that the two never share the input buffer.
         */
        private void awaitRenegotiationForWrite() throws IOException {
            long deadline = System.nanoTime() + engine.config().handshakeTimeout().toNanos();
            while (handshaking()) {
                if (readLock.tryLock()) {
                    try {
                        runHandshake();
                    } finally {
                        readLock.unlock();
                    }
                } else if (System.nanoTime() - deadline > 0) {
                    throw handshakeTimedOut();
                } else {
                    pause("interrupted while a renegotiation held data back");
                }
            }
        }

        /** Wraps and sends what it can of {@code src}; false when the engine holds application data back. */
        private boolean writeSome(ByteBuffer src) throws IOException {
            synchronized (writeLock) {
                while (src.hasRemaining()) {
                    netOut.clear();
                    SslEngine.Result r = null;
                    SslAlertException failure = null;
                    synchronized (engineLock) {
                        try {
                            r = engine.wrap(src, netOut);
                        } catch (SslAlertException e) {
                            failure = e;
                        }
                        if (failure == null && r.status() == SslEngine.Status.CLOSED) {
                            failure = engine.failure();
                        }
                    }
                    netOut.flip();
                    rawOut.write(netOut.array(), 0, netOut.limit());
                    if (failure != null) {
                        throw reported(failure);
                    }
                    if (r.status() == SslEngine.Status.CLOSED) {
                        throw new IOException("connection closed for writing (close_notify sent)");
                    }
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                        rawOut.flush();
                        return false;
                    }
                }
                rawOut.flush();
                return true;
            }
        }
    }
}
