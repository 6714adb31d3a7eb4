package io.sslkit.fuzz;

import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Our client against our server in memory, keeping every wire byte each side sent, in the order sent: the source of
 * valid messages that the strictness table reorders and of the fuzzers' seed corpora.
 */
final class Loopback {
    final SslEngine client;
    final SslEngine server;
    /** Wire output of each side, one entry per batch it produced (a flight, or part of one). */
    final List<byte[]> clientSent = new ArrayList<>();
    final List<byte[]> serverSent = new ArrayList<>();
    SslAlertException clientFailure;
    SslAlertException serverFailure;

    private Loopback(SslEngine client, SslEngine server) {
        this.client = client;
        this.server = server;
    }

    static Loopback handshake(SslConfig clientConfig, SslConfig serverConfig) {
        return handshake(Engines.clientEngine(clientConfig), Engines.serverEngine(serverConfig));
    }

    static Loopback handshake(SslEngine client, SslEngine server) {
        Loopback l = new Loopback(client, server);
        l.settle();
        return l;
    }

    boolean complete() {
        return client.isHandshakeComplete() && server.isHandshakeComplete();
    }

    /** Exchanges records until neither side has anything more to send (a handshake, a renegotiation). */
    void settle() {
        for (int round = 0; round < 20; round++) {
            byte[] c = drain(client, true);
            if (c.length > 0) {
                clientSent.add(c);
                feed(server, c, false);
            }
            byte[] s = drain(server, false);
            if (s.length > 0) {
                serverSent.add(s);
                feed(client, s, true);
            }
            if (c.length == 0 && s.length == 0) {
                return;
            }
        }
        throw new AssertionError("loopback handshake did not settle");
    }

    private byte[] drain(SslEngine e, boolean isClient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
        try {
            while (true) {
                net.clear();
                if (e.wrap(ByteBuffer.allocate(0), net).bytesProduced() == 0) {
                    break;
                }
                out.write(net.array(), 0, net.position());
            }
        } catch (SslAlertException ex) {
            fail(ex, isClient);
            net.clear();
        }
        return out.toByteArray();
    }

    private void feed(SslEngine e, byte[] bytes, boolean isClient) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteBuffer app = ByteBuffer.allocate(e.applicationBufferSize());
        try {
            while (in.hasRemaining()) {
                app.clear();
                SslEngine.Result r = e.unwrap(in, app);
                if (r.status() != SslEngine.Status.OK) {
                    break;
                }
            }
        } catch (SslAlertException ex) {
            fail(ex, isClient);
        }
    }

    private void fail(SslAlertException ex, boolean isClient) {
        if (isClient && clientFailure == null) {
            clientFailure = ex;
        } else if (!isClient && serverFailure == null) {
            serverFailure = ex;
        }
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(p -> out.write(p, 0, p.length));
        return out.toByteArray();
    }
}
