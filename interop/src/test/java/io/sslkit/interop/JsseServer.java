package io.sslkit.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** A SunJSSE echo server on a loopback port, restricted to one version and one suite; the JSSE twin of SslkitServer. */
final class JsseServer implements AutoCloseable {
    /** One served connection: JSSE's session (null when the handshake failed), bytes echoed, and any failure. */
    record Served(SSLSession session, long echoed, Throwable failure) {
    }

    private final SSLServerSocket listener;
    private final long echoLimit;
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();
    private final Thread thread;

    private JsseServer(SSLServerSocket listener, long echoLimit) {
        this.listener = listener;
        this.echoLimit = echoLimit;
        this.thread = new Thread(this::run, "jsse-echo-server");
        thread.setDaemon(true);
    }

    /** {@code needClientAuth}: JSSE's equivalent of our ClientAuth.NEED. */
    static JsseServer start(SSLContext ctx, String protocol, String suite, boolean needClientAuth, long echoLimit)
            throws IOException {
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50,
                Ports.LOOPBACK);
        ss.setEnabledProtocols(new String[] {protocol});
        ss.setEnabledCipherSuites(new String[] {suite});
        ss.setNeedClientAuth(needClientAuth);
        JsseServer s = new JsseServer(ss, echoLimit);
        s.thread.start();
        return s;
    }

    int port() {
        return listener.getLocalPort();
    }

    Served next(Duration timeout) throws InterruptedException, IOException {
        Served s = served.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new IOException("no connection served within " + timeout);
        }
        return s;
    }

    private void run() {
        while (!listener.isClosed()) {
            SSLSocket s;
            try {
                s = (SSLSocket) listener.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                served.add(new Served(null, 0, e));
                continue;
            }
            served.add(serve(s));
        }
    }

    private Served serve(SSLSocket s) {
        SSLSession session = null;
        long echoed = 0;
        try (s) {
            s.setSoTimeout(20_000);
            s.startHandshake();
            session = s.getSession();
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            while (echoed < echoLimit) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, echoLimit - echoed));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
                echoed += n;
            }
            return new Served(session, echoed, null);
        } catch (Throwable t) {
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
