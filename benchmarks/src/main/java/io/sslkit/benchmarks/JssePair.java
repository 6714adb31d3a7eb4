package io.sslkit.benchmarks;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Two {@link SSLEngine}s (SunJSSE, BCJSSE or sslkit's provider) back to back; delegated tasks run inline, as a
 * one-thread server would.
 */
final class JssePair implements Pair {
    /** Far more rounds than any handshake here needs: a stalled engine pair fails instead of spinning. */
    private static final int MAX_ROUNDS = 50;

    private final SSLEngine client;
    private final SSLEngine server;

    JssePair(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public void handshake(Wire w) throws Exception {
        w.reset();
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = step(client, w.toServer, w.toClient, w.clientApp, w)
                    | step(server, w.toClient, w.toServer, w.serverApp, w);
            if (done(client) && done(server)) {
                if (w.toServer.position() != 0 || w.toClient.position() != 0) {
                    throw new SSLException("handshake finished with records left unread");
                }
                return;
            }
            if (!progress) {
                break;
            }
        }
        throw new SSLException("handshake stalled: client " + client.getHandshakeStatus() + ", server "
                + server.getHandshakeStatus());
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** Lets one engine do all it can now: run its tasks, wrap what it has to send, unwrap what has arrived. */
    private static boolean step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app, Wire w)
            throws SSLException {
        boolean progress = false;
        while (true) {
            HandshakeStatus hs = e.getHandshakeStatus();
            SSLEngineResult r;
            switch (hs) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = e.getDelegatedTask()) != null) {
                        task.run();
                    }
                    progress = true;
                    continue;
                }
                case NEED_WRAP -> {
                    r = e.wrap(w.empty, out);
                    check(r);
                    if (r.bytesProduced() == 0 && r.getHandshakeStatus() == hs) {
                        return progress;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    try {
                        r = e.unwrap(in, app);
                    } finally {
                        in.compact();
                    }
                    check(r);
                    app.clear();
                    if (r.bytesConsumed() == 0 && r.getHandshakeStatus() == hs) {
                        return progress;
                    }
                }
                default -> {
                    return progress;
                }
            }
            progress = true;
        }
    }

    private static void check(SSLEngineResult r) throws SSLException {
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW || r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("unexpected " + r.getStatus() + " during the handshake");
        }
    }

    @Override
    public int transfer(Wire w, boolean fromClient) throws SSLException {
        SSLEngine from = fromClient ? client : server;
        SSLEngine to = fromClient ? server : client;
        ByteBuffer net = fromClient ? w.toServer : w.toClient;
        ByteBuffer app = fromClient ? w.serverApp : w.clientApp;
        ByteBuffer src = ByteBuffer.wrap(w.payload);
        net.clear();
        app.clear();
        // a 1/n-1 record split (TLS 1.0 CBC) makes two records of one write: wrap until the source is used up
        while (src.hasRemaining()) {
            SSLEngineResult r = from.wrap(src, net);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("wrap: " + r.getStatus());
            }
        }
        net.flip();
        while (net.hasRemaining()) {
            SSLEngineResult r = to.unwrap(net, app);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("unwrap: " + r.getStatus());
            }
        }
        net.clear();
        return app.position();
    }

    /** The client side, for tests that check which provider made the pair and what it negotiated. */
    SSLEngine clientEngine() {
        return client;
    }

    @Override
    public byte[] sessionId() {
        return client.getSession().getId();
    }
}
