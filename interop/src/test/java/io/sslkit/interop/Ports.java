package io.sslkit.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports for peer servers: picking a free one and waiting until a peer listens on it. */
final class Ports {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free a moment ago; the peer that binds it next is almost always the one we start. */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until a connection succeeds; fails early when the peer died, with its stderr in the message. */
    static void awaitListening(PeerProcess peer, int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!peer.isAlive()) {
                throw new IOException(peer.name() + " exited before listening on " + port + ": " + peer.stderr());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(peer.name() + " is not listening on " + port + " after " + timeout
                            + ": " + peer.stderr(), notYet);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + peer.name(), e);
            }
        }
    }
}
