package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Two SSLEngines joined in memory, driven the way frameworks drive them: by the handshake status alone. Counts the
 * FINISHED results each side reports.
 */
final class EnginePump {
    final SSLEngine client;
    final SSLEngine server;
    /** Wire bytes in flight, in write mode. */
    final ByteBuffer toServer;
    final ByteBuffer toClient;
    int clientFinished;
    int serverFinished;

    EnginePump(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        this.toServer = ByteBuffer.allocate(4 * client.getSession().getPacketBufferSize());
        this.toClient = ByteBuffer.allocate(4 * server.getSession().getPacketBufferSize());
    }

    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 200; round++) {
            boolean c = step(client, toClient, toServer, true);
            boolean s = step(server, toServer, toClient, false);
            if (!c && !s && done(client) && done(server)) {
                return;
            }
        }
        fail("handshake did not finish: client " + client.getHandshakeStatus() + ", server "
                + server.getHandshakeStatus());
    }

    /**
     * Runs a renegotiation that {@code initiator} starts; as an application does, a side that is not handshaking
     * still unwraps what arrives (which is how it learns of the peer's request).
     */
    void renegotiate(SSLEngine initiator) throws SSLException {
        initiator.beginHandshake();
        for (int round = 0; round < 200; round++) {
            boolean c = stepOrRead(client, toClient, toServer, true);
            boolean s = stepOrRead(server, toServer, toClient, false);
            if (!c && !s && done(client) && done(server) && toClient.position() == 0 && toServer.position() == 0) {
                return;
            }
        }
        fail("renegotiation did not finish: client " + client.getHandshakeStatus() + ", server "
                + server.getHandshakeStatus());
    }

    private boolean stepOrRead(SSLEngine e, ByteBuffer in, ByteBuffer out, boolean isClient) throws SSLException {
        if (e.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING || in.position() == 0) {
            return step(e, in, out, isClient);
        }
        in.flip();
        SSLEngineResult r;
        try {
            r = e.unwrap(in, ByteBuffer.allocate(e.getSession().getApplicationBufferSize()));
        } finally {
            in.compact();
        }
        count(r, isClient);
        return r.bytesConsumed() > 0;
    }

    private void count(SSLEngineResult r, boolean isClient) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            if (isClient) {
                clientFinished++;
            } else {
                serverFinished++;
            }
        }
    }

    private static boolean done(SSLEngine e) {
        return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** One move by the engine; true when it did something. */
    private boolean step(SSLEngine e, ByteBuffer in, ByteBuffer out, boolean isClient) throws SSLException {
        SSLEngineResult r;
        switch (e.getHandshakeStatus()) {
            case NEED_WRAP -> r = e.wrap(ByteBuffer.allocate(0), out);
            case NEED_UNWRAP -> {
                in.flip();
                try {
                    r = e.unwrap(in, ByteBuffer.allocate(e.getSession().getApplicationBufferSize()));
                } finally {
                    in.compact();
                }
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return false;
                }
            }
            case NEED_TASK -> {
                Runnable t;
                while ((t = e.getDelegatedTask()) != null) {
                    t.run();
                }
                return true;
            }
            default -> {
                return false;
            }
        }
        count(r, isClient);
        return r.bytesConsumed() > 0 || r.bytesProduced() > 0 || r.getHandshakeStatus() == HandshakeStatus.FINISHED;
    }

    /** Sends {@code data} from one side and returns what the other side unwrapped. */
    static byte[] transfer(SSLEngine from, SSLEngine to, byte[] data) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer wire = ByteBuffer.allocate(from.getSession().getPacketBufferSize());
        ByteBuffer app = ByteBuffer.allocate(data.length + to.getSession().getApplicationBufferSize());
        while (src.hasRemaining()) {
            wire.clear();
            SSLEngineResult w = from.wrap(src, wire);
            assertEquals(SSLEngineResult.Status.OK, w.getStatus());
            wire.flip();
            while (wire.hasRemaining()) {
                SSLEngineResult u = to.unwrap(wire, app);
                assertEquals(SSLEngineResult.Status.OK, u.getStatus());
            }
        }
        app.flip();
        byte[] out = new byte[app.remaining()];
        app.get(out);
        return out;
    }
}
