package io.sslkit.cli.internal;

import io.sslkit.handshake.SslSession;
import io.sslkit.handshake.SslSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One accepted connection: handshake, then echo or the --www page, then close_notify. */
final class ServerConnection implements Runnable {
    /** An HTTP request head longer than this is not a browser's: the connection is closed. */
    static final int MAX_REQUEST_HEAD = 8192;
    /** How long a client may take to complete its handshake. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final String label;
    private final SslSocket socket;
    private final boolean www;
    private final PrintStream out;
    private final PrintStream err;

    ServerConnection(String label, SslSocket socket, boolean www, PrintStream out, PrintStream err) {
        this.label = label;
        this.socket = socket;
        this.www = www;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        try (SslSocket s = socket) {
            try {
                // a client that connects and then says nothing must not hold a thread for ever
                s.socket().setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                s.startHandshake();
                s.socket().setSoTimeout(0);
            } catch (IOException e) {
                err.println(label + ": handshake failed: " + Failures.cause(e));
                return;
            }
            SslSession session = s.session();
            out.println(label + ": " + Sessions.describe(session));
            if (www) {
                servePage(s, session);
            } else {
                long n = echo(s);
                out.println(label + ": echoed " + n + " bytes; "
                        + (s.closeNotifyReceived() ? "close_notify received" : "closed without close_notify (truncated)"));
            }
        } catch (IOException e) {
            err.println(label + ": " + Failures.cause(e));
        }
    }

    private static long echo(SslSocket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream o = s.getOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            o.write(buf, 0, n);
            o.flush();
            total += n;
        }
        return total;
    }

    private void servePage(SslSocket s, SslSession session) throws IOException {
        String requestLine = readRequestHead(s.getInputStream());
        if (requestLine == null) {
            err.println(label + ": no HTTP request (closed, or a head over " + MAX_REQUEST_HEAD + " bytes)");
            return;
        }
        out.println(label + ": " + requestLine);
        byte[] body = SessionPage.html(session, requestLine).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\nServer: sslkit\r\n\r\n";
        OutputStream o = s.getOutputStream();
        o.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!requestLine.startsWith("HEAD ")) {
            o.write(body);
        }
        o.flush();
    }

    /** Reads up to the blank line that ends an HTTP request head and returns its first line. */
    static String readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_REQUEST_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            // both "\r\n\r\n" and a bare "\n\n" (typed by hand in sslkit client) end the head
            if (b == '\n') {
                matched++;
                if (matched == 2) {
                    String text = head.toString(StandardCharsets.ISO_8859_1);
                    return text.lines().findFirst().orElse("").strip();
                }
            } else if (b != '\r') {
                matched = 0;
            }
        }
        return null;
    }
}
