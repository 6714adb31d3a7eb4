package io.sslkit.benchmarks;

import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.SslEngine.HandshakeStatus;
import io.sslkit.handshake.SslEngine.Result;
import io.sslkit.handshake.SslEngine.Status;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Two sslkit engines back to back, driven exactly like {@link JssePair} drives JSSE's. */
final class SslkitPair implements Pair {
    private static final int MAX_ROUNDS = 50;

    private final SslEngine client;
    private final SslEngine server;

    SslkitPair(SslEngine client, SslEngine server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public void handshake(Wire w) throws IOException {
        w.reset();
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = step(client, w.toServer, w.toClient, w.clientApp, w)
                    | step(server, w.toClient, w.toServer, w.serverApp, w);
            if (client.isHandshakeComplete() && server.isHandshakeComplete()
                    && client.handshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.handshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                if (w.toServer.position() != 0 || w.toClient.position() != 0) {
                    throw new IOException("handshake finished with records left unread");
                }
                return;
            }
            if (!progress) {
                break;
            }
        }
        throw new IOException("handshake stalled: client " + client.handshakeStatus() + ", server "
                + server.handshakeStatus() + (client.failure() != null ? ", client failed: " + client.failure() : "")
                + (server.failure() != null ? ", server failed: " + server.failure() : ""));
    }

    private static boolean step(SslEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app, Wire w)
            throws SslAlertException {
        boolean progress = false;
        while (e.handshakeStatus() == HandshakeStatus.NEED_WRAP) {
            Result r = e.wrap(w.empty, out);
            if (r.status() == Status.BUFFER_OVERFLOW || r.bytesProduced() == 0) {
                throw new IllegalStateException("wrap made no progress: " + r);
            }
            progress = true;
        }
        in.flip();
        try {
            while (in.hasRemaining()) {
                Result r = e.unwrap(in, app);
                app.clear();
                if (r.bytesConsumed() == 0) {
                    break;
                }
                progress = true;
            }
        } finally {
            in.compact();
        }
        return progress;
    }

    @Override
    public int transfer(Wire w, boolean fromClient) throws SslAlertException {
        SslEngine from = fromClient ? client : server;
        SslEngine to = fromClient ? server : client;
        ByteBuffer net = fromClient ? w.toServer : w.toClient;
        ByteBuffer app = fromClient ? w.serverApp : w.clientApp;
        ByteBuffer src = ByteBuffer.wrap(w.payload);
        net.clear();
        app.clear();
        while (src.hasRemaining()) {
            Result r = from.wrap(src, net);
            if (r.status() != Status.OK || r.bytesConsumed() == 0) {
                throw new IllegalStateException("wrap: " + r);
            }
        }
        net.flip();
        while (net.hasRemaining()) {
            Result r = to.unwrap(net, app);
            if (r.status() != Status.OK) {
                throw new IllegalStateException("unwrap: " + r);
            }
        }
        net.clear();
        return app.position();
    }

    /** This pair's client with another pair's server: lets a test pit mismatched configurations against each other. */
    SslkitPair withServerOf(SslkitPair other) {
        return new SslkitPair(client, other.server);
    }

    @Override
    public byte[] sessionId() {
        return client.session().id();
    }
}
