package io.sslkit.interop;

import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import io.sslkit.handshake.SslSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Our server side of a cell: an echo server on a loopback port that serves one connection after the other. It
 * echoes until it has sent {@code echoLimit} bytes (then closes with close_notify, which ends the peer client) or
 * until the peer closes. What each connection agreed on is queued for the test to check.
 */
final class SslkitServer implements AutoCloseable {
    private static final int SO_TIMEOUT_MILLIS = 20_000;
    private static final Duration AFTER_EXIT = Duration.ofSeconds(3);

    /** One served connection: its session (null when the handshake failed), bytes echoed, and any failure. */
    record Served(SslSession session, long echoed, Throwable failure) {
    }

    private final ServerSocket listener;
    private final SslConfig config;
    private final long echoLimit;
    private final long renegotiateAfter;
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();
    private final Thread thread;

    private SslkitServer(SslConfig config, long echoLimit, long renegotiateAfter) throws IOException {
        this.listener = new ServerSocket(0, 50, Ports.LOOPBACK);
        this.config = config;
        this.echoLimit = echoLimit;
        this.renegotiateAfter = renegotiateAfter;
        this.thread = new Thread(this::run, "sslkit-echo-server");
        thread.setDaemon(true);
    }

    static SslkitServer start(SslConfig config, long echoLimit) throws IOException {
        return start(config, echoLimit, -1);
    }

    /** An echo server that renegotiates (sends HelloRequest) once it has echoed {@code renegotiateAfter} bytes. */
    static SslkitServer start(SslConfig config, long echoLimit, long renegotiateAfter) throws IOException {
        SslkitServer s = new SslkitServer(config, echoLimit, renegotiateAfter);
        s.thread.start();
        return s;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next connection served, waiting at most {@code timeout}. */
    Served next(Duration timeout) throws InterruptedException, IOException {
        Served s = served.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new IOException("no connection served within " + timeout);
        }
        return s;
    }

    /**
     * The next connection served by a peer client process. If the peer exits first (a bad option, a refused
     * certificate) this fails within {@link #AFTER_EXIT} with the peer's stderr, rather than after the full timeout.
     */
    Served next(Duration timeout, PeerProcess peer) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long exitDeadline = Long.MAX_VALUE;
        while (true) {
            Served s = served.poll(100, TimeUnit.MILLISECONDS);
            if (s != null) {
                return s;
            }
            long now = System.nanoTime();
            if (!peer.isAlive() && exitDeadline == Long.MAX_VALUE) {
                // the connection may still be closing on our side: give it a moment to be queued
                exitDeadline = now + AFTER_EXIT.toNanos();
            }
            if (now > exitDeadline) {
                throw new IOException(peer.name() + " exited and no connection was served; its stderr: "
                        + peer.stderr());
            }
            if (now > deadline) {
                throw new IOException("no connection served within " + timeout + "; " + peer.name()
                        + " stderr: " + peer.stderr());
            }
        }
    }

    private void run() {
        while (!listener.isClosed()) {
            SslSocket s;
            try {
                s = SslSocket.accept(listener, config);
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                served.add(new Served(null, 0, e));
                continue;
            }
            served.add(serve(s));
        }
    }

    private Served serve(SslSocket s) {
        SslSession session = null;
        long echoed = 0;
        try {
            s.socket().setSoTimeout(SO_TIMEOUT_MILLIS);
            s.startHandshake();
            session = s.session();
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            boolean renegotiated = false;
            while (echoed < echoLimit) {
                if (!renegotiated && renegotiateAfter >= 0 && echoed >= renegotiateAfter) {
                    s.renegotiate();
                    renegotiated = true;
                }
                int n = in.read(buf, 0, (int) Math.min(buf.length, echoLimit - echoed));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                echoed += n;
            }
            s.close();
            return new Served(session, echoed, null);
        } catch (Throwable t) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the failure t is what the test reports
            }
            return new Served(session, echoed, t);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
