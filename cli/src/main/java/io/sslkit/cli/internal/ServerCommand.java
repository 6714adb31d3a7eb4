package io.sslkit.cli.internal;

import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Runs an SSL/TLS server: an echo server, or with --www a page describing the session.",
        description = {
                "Serves connections concurrently until stopped (Ctrl-C). Status lines go to standard output;",
                "a failed connection prints one line naming the cause and the alert, and the server goes on.",
                "Without --cert it uses a self-signed RSA-2048 and a DSA-2048 certificate, made on first use and",
                "kept in $SSLKIT_HOME/credentials (default ~/.sslkit/credentials), and a KEA certificate made at each",
                "start for the Fortezza suites (when the KEA module is present); it prints their fingerprints.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sslkit server --port 4433                                  echo server, TLSv1.2, generated certificates",
                "  sslkit server --port 4433 --policy legacy --protocols SSLv3 --suites RC4-MD5 --trace",
                "  sslkit server --port 4433 --cert rsa.pem --key rsa.key --cert dsa.pem --key dsa.key",
                "  sslkit server --port 4433 --cert server.p12                 PKCS#12; password in $SSLKIT_KEY_PASSWORD",
                "  sslkit server --port 4433 --client-auth need --trust clients-ca.pem",
                "  sslkit server --port 8443 --www                             then browse https://localhost:8443/",
                "",
                "Environment: SSLKIT_HOME (where generated certificates are kept), SSLKIT_KEY_PASSWORD (password of",
                "an encrypted key or a PKCS#12 file)."})
final class ServerCommand implements Callable<Integer> {
    /** More concurrent connections than this are refused at once, so a flood cannot exhaust the threads. */
    static final int MAX_CONNECTIONS = 256;

    private final CliContext context;

    @Option(names = "--port", required = true, paramLabel = "N",
            description = "TCP port to listen on; 0 picks a free one (printed as 'listening on HOST:PORT').")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (use 0.0.0.0 for every interface).")
    String host;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<CertKeyOption> credentials = new ArrayList<>();

    @Option(names = "--client-auth", defaultValue = "none", paramLabel = "none|want|need",
            converter = ClientAuthConverter.class,
            description = "Ask the client for a certificate (want), or insist on one (need); requires --trust. "
                    + "Default: ${DEFAULT-VALUE}.")
    ClientAuth clientAuth;

    @Option(names = "--www", description = "Answer each HTTP/1.0 request with an HTML page describing the session "
            + "instead of echoing.")
    boolean www;

    @Mixin
    SslOptions ssl;

    private volatile ServerSocket listening;

    ServerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Server server = prepare();
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (IOException e) {
                throw new CliFailure("cannot listen on " + host + ":" + port + ": " + Failures.cause(e));
            }
            context.out().println("listening on " + host + ":" + socket.getLocalPort() + " ("
                    + (www ? "www" : "echo") + ", policy " + ssl.policy.name() + ")");
            context.out().flush();
            // published only now, so that whoever waits for the port sees the line above first
            listening = socket;
            server.serve(socket);
        }
        return 0;
    }

    /** Stops the accept loop of a running {@link #call()} (the Gogo shell and the demo need that). */
    void stop() throws IOException {
        ServerSocket s = listening;
        if (s != null) {
            s.close();
        }
    }

    int localPort() {
        ServerSocket s = listening;
        return s == null ? -1 : s.getLocalPort();
    }

    Server prepare() {
        if (clientAuth != ClientAuth.NONE && ssl.trust == null) {
            throw CliFailure.usage("--client-auth " + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " needs --trust FILE: the certificates that client certificates must chain to");
        }
        List<Credential> creds = new ArrayList<>();
        for (CertKeyOption c : credentials) {
            creds.add(c.load(context));
        }
        if (creds.isEmpty()) {
            creds.addAll(GeneratedCredentials.loadOrCreate(context, context.out()));
        }
        ThreadTrace trace = new ThreadTrace();
        // one configuration for every connection, so they share its session cache; built before the port opens,
        // so that a wrong --suites or --protocols fails first
        SslConfig.Builder b = ssl.configure(SslConfig.server(), context, new SessionCache()).clientAuth(clientAuth)
                .listener(trace);
        for (Credential c : creds) {
            b.credential(c.key(), c.chainArray());
        }
        List<X509Certificate> trust = ssl.trustAnchors(context);
        if (trust != null) {
            b.trustAnchors(trust);
        }
        return new Server(Configs.build(b), trace);
    }

    /** The accept loop and the connection threads. */
    final class Server {
        private final SslConfig config;
        private final ThreadTrace trace;
        private final AtomicInteger counter = new AtomicInteger();
        private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);

        Server(SslConfig config, ThreadTrace trace) {
            this.config = config;
            this.trace = trace;
        }

        void serve(ServerSocket socket) throws IOException {
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sslkit-connection");
                t.setDaemon(true);
                return t;
            });
            try {
                while (!socket.isClosed()) {
                    SslSocket connection;
                    try {
                        connection = SslSocket.accept(socket, config);
                    } catch (SocketException e) {
                        if (socket.isClosed()) {
                            break;
                        }
                        throw e;
                    }
                    String label = "server#" + counter.incrementAndGet();
                    if (!slots.tryAcquire()) {
                        context.err().println(label + ": refused, " + MAX_CONNECTIONS + " connections already open");
                        closeQuietly(connection);
                        continue;
                    }
                    pool.execute(() -> {
                        if (ssl.trace) {
                            trace.attach(new TraceListener(label, context.out()));
                        }
                        try {
                            new ServerConnection(label, connection, www, context.out(), context.err()).run();
                        } finally {
                            trace.detach();
                            slots.release();
                        }
                    });
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void closeQuietly(SslSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            // the peer is gone already; nothing to tell it
        }
    }
}
