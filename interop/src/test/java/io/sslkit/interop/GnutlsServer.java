package io.sslkit.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gnutls-serv --echo} on a free port: sends back every record it receives. GnuTLS 3.7 has no option to bind
 * one address, so it listens on all of them; the tests connect over 127.0.0.1 only.
 */
final class GnutlsServer implements AutoCloseable {
    private final PeerProcess process;
    private final int port;

    private GnutlsServer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static GnutlsServer start(String name, Pki.Identity identity, String priority, List<String> args)
            throws IOException {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>(List.of("gnutls-serv", "--echo", "-p", Integer.toString(port),
                "--x509certfile", identity.certFile().toString(), "--x509keyfile", identity.keyFile().toString(),
                "--priority", priority, "--dhparams", DhParams.ffdhe2048().toString()));
        cmd.addAll(args);
        PeerProcess p = PeerProcess.start("gnutls-serv-" + name, cmd);
        try {
            Ports.awaitListening(p, port, Duration.ofSeconds(10));
        } catch (IOException e) {
            p.close();
            throw e;
        }
        return new GnutlsServer(p, port);
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
