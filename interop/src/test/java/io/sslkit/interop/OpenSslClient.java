package io.sslkit.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code openssl s_client -ign_eof} connected to one of our servers. It sends what the test writes to its stdin,
 * prints the session summary and what it receives on stdout, and exits when the server closes.
 */
final class OpenSslClient implements AutoCloseable {
    private final PeerProcess process;

    private OpenSslClient(PeerProcess process) {
        this.process = process;
    }

    static OpenSslClient start(String name, int port, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", Ports.HOST + ":" + port,
                "-ign_eof"));
        cmd.addAll(args);
        return new OpenSslClient(PeerProcess.start("s_client-" + name, cmd));
    }

    /** Writes to s_client's stdin without closing it: the server, not the end of input, ends the connection. */
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
