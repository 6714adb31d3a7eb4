package io.sslkit.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gnutls-cli} connected to one of our servers, verifying its certificate against {@code caFile}. It sends
 * what the test writes to its stdin, prints the session description and what it receives on stdout, and exits
 * when the server closes.
 */
final class GnutlsClient implements AutoCloseable {
    private final PeerProcess process;

    private GnutlsClient(PeerProcess process) {
        this.process = process;
    }

    static GnutlsClient start(String name, int port, String priority, Pki.Identity ca, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gnutls-cli", "-p", Integer.toString(port), "--priority",
                priority, "--x509cafile", ca.certFile().toString()));
        cmd.addAll(args);
        cmd.add(Ports.HOST);
        return new GnutlsClient(PeerProcess.start("gnutls-cli-" + name, cmd));
    }

    /** Writes to stdin without closing it: at the end of its input gnutls-cli would close before the echo is in. */
    void send(byte[] data) throws IOException {
        process.stdin().write(data);
        process.stdin().flush();
    }

    int awaitExit(Duration timeout) throws IOException {
        return process.awaitExit(timeout);
    }

    PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
