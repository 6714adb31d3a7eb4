package io.sslkit.handshake;

import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;

/** Two engines wired back to back in memory: what one wraps the other unwraps. */
final class EnginePair {
    final SslEngine client;
    final SslEngine server;
    final ByteBuffer toServer = ByteBuffer.allocate(1 << 20).flip();
    final ByteBuffer toClient = ByteBuffer.allocate(1 << 20).flip();
    final ByteBuffer clientApp = ByteBuffer.allocate(1 << 21);
    final ByteBuffer serverApp = ByteBuffer.allocate(1 << 21);
    SslAlertException clientFailure;
    SslAlertException serverFailure;

    EnginePair(SslConfig clientConfig, SslConfig serverConfig) {
        this(SslEngine.client(clientConfig, "localhost", 443), SslEngine.server(serverConfig));
    }

    EnginePair(SslEngine client, SslEngine server) {
        this.client = client;
        this.server = server;
    }

    /** Runs until both sides are done handshaking or one failed; returns true when both completed. */
    boolean handshake() {
        for (int i = 0; i < 100; i++) {
            boolean progress = pump(client, toServer, toClient, clientApp, true)
                    | pump(server, toClient, toServer, serverApp, false);
            if (clientFailure != null || serverFailure != null) {
                // let the alert reach the other side
                pump(client, toServer, toClient, clientApp, true);
                pump(server, toClient, toServer, serverApp, false);
                pump(client, toServer, toClient, clientApp, true);
                return false;
            }
            if (client.isHandshakeComplete() && server.isHandshakeComplete() && !progress) {
                return true;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    /** One round for one engine: wrap everything it has into {@code out}, unwrap everything in {@code in}. */
    boolean pump(SslEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app, boolean isClient) {
        boolean progress = false;
        try {
            while (true) {
                out.compact();
                SslEngine.Result r;
                try {
                    r = e.wrap(ByteBuffer.allocate(0), out);
                } finally {
                    out.flip();
                }
                if (r.bytesProduced() == 0) {
                    break;
                }
                progress = true;
            }
        } catch (SslAlertException ex) {
            record(ex, isClient);
        }
        try {
            while (in.hasRemaining()) {
                SslEngine.Result r = e.unwrap(in, app);
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
                progress = true;
            }
        } catch (SslAlertException ex) {
            record(ex, isClient);
        }
        return progress;
    }

    private void record(SslAlertException ex, boolean isClient) {
        if (isClient && clientFailure == null) {
            clientFailure = ex;
        } else if (!isClient && serverFailure == null) {
            serverFailure = ex;
        }
    }

    /** Sends application data from one engine and returns what the other received. */
    byte[] send(boolean fromClient, byte[] data) throws SslAlertException {
        SslEngine from = fromClient ? client : server;
        SslEngine to = fromClient ? server : client;
        ByteBuffer wire = fromClient ? toServer : toClient;
        ByteBuffer app = fromClient ? serverApp : clientApp;
        ByteBuffer src = ByteBuffer.wrap(data);
        app.clear();
        while (src.hasRemaining()) {
            wire.compact();
            try {
                from.wrap(src, wire);
            } finally {
                wire.flip();
            }
            while (wire.hasRemaining()) {
                SslEngine.Result r = to.unwrap(wire, app);
                if (r.status() != SslEngine.Status.OK) {
                    break;
                }
            }
        }
        app.flip();
        byte[] out = new byte[app.remaining()];
        app.get(out);
        return out;
    }
}
