package io.sslkit.interop;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import io.sslkit.handshake.SslSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Our client side of a cell: connect, send the payload while reading the peer's answer, close. */
final class SslkitClient {
    private static final int SO_TIMEOUT_MILLIS = 20_000;
    private static final int CHUNK = 4096;

    /** What one connection agreed on and what came back. */
    record Outcome(SslSession session, byte[] received) {
    }

    private SslkitClient() {
    }

    /** Legacy policy (TLS 1.0/1.1, NULL, RC4 and export suites need it), one version, one suite, the given trust. */
    static SslConfig.Builder config(ProtocolVersion version, String suite, Pki.Hierarchy trust) {
        return SslConfig.client()
                .policy(Policy.LEGACY)
                .protocols(version)
                .cipherSuites(suite)
                .trustAnchors(List.of(trust.anchor()));
    }

    /**
     * Sends {@code data} from a second thread while this one reads {@code answerLength} bytes: a peer that answers
     * line by line would otherwise fill the socket buffers and stall both sides.
     */
    static Outcome exchange(SslConfig config, int port, byte[] data, int answerLength) throws Exception {
        try (SslSocket s = SslSocket.connect(Ports.HOST, port, config)) {
            s.socket().setSoTimeout(SO_TIMEOUT_MILLIS);
            s.startHandshake();
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int off = 0; off < data.length; off += CHUNK) {
                        out.write(data, off, Math.min(CHUNK, data.length - off));
                    }
                    out.flush();
                } catch (Throwable t) {
                    writeFailure.set(t);
                }
            }, "sslkit-client-writer");
            writer.start();
            byte[] answer = readFully(s.getInputStream(), answerLength);
            writer.join(SO_TIMEOUT_MILLIS);
            if (writeFailure.get() != null) {
                throw new IOException("sending failed", writeFailure.get());
            }
            return new Outcome(s.session(), answer);
        }
    }

    /**
     * Like {@link #exchange}, but renegotiates (RFC 5746, started by us) between the two halves of the data: the
     * answer to the first half arrives under the first handshake's keys, the second under the new ones. The halves
     * must end at a line end for a line-answering peer.
     */
    static Outcome exchangeRenegotiating(SslConfig config, int port, byte[] data) throws Exception {
        int half = data.length / 2;
        try (SslSocket s = SslSocket.connect(Ports.HOST, port, config)) {
            s.socket().setSoTimeout(SO_TIMEOUT_MILLIS);
            s.startHandshake();
            byte[] answer = new byte[data.length];
            s.getOutputStream().write(data, 0, half);
            System.arraycopy(readFully(s.getInputStream(), half), 0, answer, 0, half);
            s.renegotiate();
            s.getOutputStream().write(data, half, data.length - half);
            System.arraycopy(readFully(s.getInputStream(), data.length - half), 0, answer, half, data.length - half);
            return new Outcome(s.session(), answer);
        }
    }

    /** Handshake only, then a clean close: what a client does to put a session into its cache. */
    static SslSession handshake(SslConfig config, int port) throws IOException {
        try (SslSocket s = SslSocket.connect(Ports.HOST, port, config)) {
            s.socket().setSoTimeout(SO_TIMEOUT_MILLIS);
            s.startHandshake();
            return s.session();
        }
    }

    /** Reads exactly {@code length} bytes, or fails saying how many came before the end. */
    static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] buf = new byte[length];
        int n = 0;
        while (n < length) {
            int r = in.read(buf, n, length - n);
            if (r < 0) {
                throw new IOException("end of stream after " + n + " of " + length + " bytes");
            }
            n += r;
        }
        return buf;
    }
}
