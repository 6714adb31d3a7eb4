package io.sslkit.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code openssl s_server} on a free loopback port, stays up for many connections until closed. Normally with
 * {@code -rev}: it answers each line reversed, so the bytes that come back prove that both directions of the record
 * layer worked; or in its echo-less mode, driven through its stdin.
 */
final class OpenSslServer implements AutoCloseable {
    private final PeerProcess process;
    private final int port;

    private OpenSslServer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code args}: the credential, version, cipher and client-auth options of the cell. */
    static OpenSslServer start(String name, Pki.Identity identity, List<String> args) throws IOException {
        int port = Ports.free();
        return launch(name, port, identity, Versions.concat(List.of("-accept", Ports.HOST + ":" + port, "-rev"),
                args));
    }

    /**
     * s_server in its echo-less mode: it prints what it receives on stdout and sends what is typed on its stdin,
     * where "R" starts a renegotiation. It serves one connection at a time.
     */
    static OpenSslServer startInteractive(String name, Pki.Identity identity, List<String> args) throws IOException {
        int port = Ports.free();
        return launch(name, port, identity, Versions.concat(List.of("-accept", Ports.HOST + ":" + port), args));
    }

    private static OpenSslServer launch(String name, int port, Pki.Identity identity, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-cert", identity.certFile().toString(),
                "-key", identity.keyFile().toString()));
        cmd.addAll(args);
        PeerProcess p = PeerProcess.start("s_server-" + name, cmd);
        try {
            Ports.awaitListening(p, port, Duration.ofSeconds(10));
            // s_server carries on with its built-in group when it cannot use a -dhparam file: a silent change of test
            if (cmd.contains("-dhparam")) {
                awaitAccept(p);
                if (!p.stdout().contains("Setting temp DH parameters")) {
                    throw new IOException("s_server did not take the DH parameters: " + p.stdout() + p.stderr());
                }
            }
        } catch (IOException e) {
            p.close();
            throw e;
        }
        return new OpenSslServer(p, port);
    }

    /**
     * s_server prints its DH parameter choice, then "ACCEPT" once it listens; the port may answer a moment before
     * that line is flushed.
     */
    private static void awaitAccept(PeerProcess p) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!p.stdout().contains("ACCEPT")) {
            if (System.nanoTime() > deadline) {
                throw new IOException("s_server listens but never printed ACCEPT: " + p.stdout() + p.stderr());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Waits until s_server has printed {@code text} (what it received, in the echo-less mode). */
    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.stdout().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IOException("s_server did not print " + text + ": " + process.stdout() + process.stderr());
            }
            Thread.sleep(50);
        }
    }

    int port() {
        return port;
    }

    PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
