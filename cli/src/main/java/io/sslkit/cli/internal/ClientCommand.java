package io.sslkit.cli.internal;

import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslSession;
import io.sslkit.handshake.SslSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Connects to an SSL/TLS server and copies standard input to it and its answers to standard output.",
        description = {
                "At the end of standard input it sends close_notify, waits for the server's, and exits 0. Any failure",
                "exits 1 with one line on standard error naming the cause and the alert, e.g.",
                "  handshake failed: received fatal alert handshake_failure",
                "Status lines and --trace go to standard error, so standard output carries only the server's data.",
                "Without --trust or --insecure it trusts the JDK's certificate authorities and the certificates",
                "'sslkit server' generated in $SSLKIT_HOME/credentials (default ~/.sslkit/credentials).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  echo hello | sslkit client localhost:4433                       prints hello (from an echo server)",
                "  sslkit client localhost:4433 --policy legacy --protocols SSLv3 --suites RC4-MD5 --trace </dev/null",
                "  sslkit client localhost:4433 --trust server.pem --cert me.pem --key me.key",
                "  sslkit client 127.0.0.1:4433 --insecure --reconnect 3 </dev/null   does the session resume?",
                "  printf 'GET / HTTP/1.0\\r\\n\\r\\n' | sslkit client localhost:8443      ask a --www server",
                "",
                "Environment: SSLKIT_KEY_PASSWORD (password of an encrypted key or a PKCS#12 file), SSLKIT_HOME."})
final class ClientCommand implements Callable<Integer> {
    /** How long to wait for the server's close_notify after sending ours before calling the connection truncated. */
    static final long CLOSE_WAIT_MILLIS = 10_000;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
            description = "The server, e.g. localhost:4433 or [::1]:4433.")
    HostPort target;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    CertKeyOption credential;

    @Option(names = "--insecure", description = "Accept any server certificate (the check's outcome is still "
            + "traced). For tests against throwaway servers only.")
    boolean insecure;

    @Option(names = "--reconnect", paramLabel = "N", defaultValue = "0",
            description = "After the first connection, make N more that try to resume its session, and print for "
                    + "each whether it resumed.")
    int reconnect;

    @Mixin
    SslOptions ssl;

    ClientCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (insecure && ssl.trust != null) {
            throw CliFailure.usage("--trust and --insecure exclude each other");
        }
        if (reconnect < 0) {
            throw CliFailure.usage("--reconnect must not be negative");
        }
        Credential cred = credential == null ? null : credential.load(context);
        List<X509Certificate> trust = insecure ? null
                : ssl.trust != null ? ssl.trustAnchors(context) : DefaultTrust.anchors(context);
        // every connection gets its own configuration (its own trace label) over one cache, so reconnects resume
        SessionCache cache = new SessionCache();

        try (SslSocket first = open(config(cred, trust, cache, trace("client")))) {
            context.err().println("connected to " + target + ": " + Sessions.describe(first.session()));
            copy(first);
        } catch (IOException e) {
            throw new CliFailure("connection failed: " + Failures.cause(e));
        }
        for (int i = 1; i <= reconnect; i++) {
            try (SslSocket again = open(config(cred, trust, cache, trace("client, reconnect " + i)))) {
                SslSession s = again.session();
                context.err().println("reconnect " + i + ": " + (s.resumed() ? "resumed" : "NOT resumed") + ": "
                        + Sessions.describe(s));
            } catch (IOException e) {
                throw new CliFailure("reconnect " + i + " failed: " + Failures.cause(e));
            }
        }
        return 0;
    }

    private TraceListener trace(String label) {
        return ssl.trace ? new TraceListener(label, context.err()) : null;
    }

    private SslConfig config(Credential cred, List<X509Certificate> trust, SessionCache cache, TraceListener trace) {
        SslConfig.Builder b = ssl.configure(SslConfig.client(), context, cache);
        if (cred != null) {
            b.credential(cred.key(), cred.chainArray());
        }
        if (insecure) {
            b.insecure();
        } else {
            b.trustAnchors(trust);
        }
        if (!isAddressLiteral(target.host())) {
            // server_name (RFC 6066) carries a DNS name only, never an address
            b.serverName(target.host());
        }
        if (trace != null) {
            b.listener(trace);
        }
        return Configs.build(b);
    }

    private SslSocket open(SslConfig config) {
        SslSocket s;
        try {
            s = SslSocket.connect(target.host(), target.port(), config);
        } catch (ConnectException e) {
            throw new CliFailure("cannot connect to " + target + ": connection refused");
        } catch (UnknownHostException e) {
            throw new CliFailure("cannot connect to " + target + ": unknown host");
        } catch (IOException e) {
            throw new CliFailure("cannot connect to " + target + ": " + Failures.cause(e));
        }
        try {
            s.startHandshake();
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new CliFailure("handshake failed: " + Failures.cause(e));
        }
    }

    /**
     * Standard input to the connection on a helper thread, the connection to standard output here. Our
     * close_notify goes out at the end of input; the peer's ends the loop. A peer that closes without one may have
     * cut our data short, which is why that is a failure.
     */
    private void copy(SslSocket s) throws IOException {
        AtomicBoolean inputDone = new AtomicBoolean();
        Thread pump = new Thread(() -> pumpInput(s, inputDone), "sslkit-client-stdin");
        pump.setDaemon(true);
        pump.start();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[16384];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                context.out().write(buf, 0, n);
                context.out().flush();
            }
        } catch (IOException e) {
            if (inputDone.get() && !s.closeNotifyReceived()) {
                throw new CliFailure("no close_notify from the server within " + CLOSE_WAIT_MILLIS / 1000
                        + " s of ours: " + Failures.cause(e));
            }
            throw e;
        } finally {
            // ends the pump's wait for the server's close_notify; a read of stdin in progress stays blocked
            pump.interrupt();
        }
        if (!s.closeNotifyReceived()) {
            throw new CliFailure("connection truncated: the server closed without close_notify");
        }
    }

    private void pumpInput(SslSocket s, AtomicBoolean inputDone) {
        try {
            OutputStream o = s.getOutputStream();
            byte[] buf = new byte[16384];
            int n;
            InputStream stdin = context.in();
            while ((n = stdin.read(buf)) > 0) {
                o.write(buf, 0, n);
                o.flush();
            }
            inputDone.set(true);
            s.shutdownOutput();
        } catch (IOException e) {
            // the reading side sees the same broken connection and reports it
            return;
        }
        try {
            Thread.sleep(CLOSE_WAIT_MILLIS);
            closeQuietly(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isAddressLiteral(String host) {
        if (host.contains(":")) {
            return true;
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static void closeQuietly(SslSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to tell a peer that is gone
        }
    }

}
