package io.sslkit.cli.internal;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sslkit demo} shows, run with the real commands: a server that requires client authentication, an
 * SSL 3.0 client that sends one message under --trace, close_notify both ways; then the RC4 module stopped, the
 * suite list shrinking, and a second handshake on another suite. Every claim it prints is checked; the demo fails
 * (exit 1) when one does not hold.
 */
final class DemoScript {
    static final String RC4_MODULE = "io.sslkit.cipher.rc4";
    static final String FIRST_SUITE = "SSL_RSA_WITH_RC4_128_MD5";
    static final String SECOND_SUITE = "SSL_RSA_WITH_3DES_EDE_CBC_SHA";

    private final CliContext context;
    private final ModuleControl modules;
    private final String message;
    private final WatchedOutput watched;
    private final PrintStream out;

    DemoScript(CliContext context, ModuleControl modules, String message) {
        this.context = context;
        this.modules = modules;
        this.message = message;
        this.watched = new WatchedOutput(context.out());
        this.out = new PrintStream(watched, true, StandardCharsets.UTF_8);
    }

    int run() throws Exception {
        out.println("sslkit demo: an SSL 3.0 handshake watched step by step, in " + modules.container());
        heading(1, "the algorithm modules present now");
        show("sslkit modules");
        Commands.execute(context.withStreams(context.in(), out, out), "modules");

        heading(2, "credentials: the server's and the client's own (self-signed, kept for next time)");
        List<Credential> serverCreds = GeneratedCredentials.loadOrCreate(context, out);
        Credential client = GeneratedCredentials.demoClient(context, out);
        Path folder = GeneratedCredentials.folder(context);
        Path serverCert = GeneratedCredentials.certFile(folder, serverCreds.get(0).algorithm());
        Path serverKey = GeneratedCredentials.keyFile(folder, serverCreds.get(0).algorithm());
        Path clientCert = GeneratedCredentials.certFile(folder, "demo-client", client.algorithm());
        Path clientKey = GeneratedCredentials.keyFile(folder, "demo-client", client.algorithm());

        heading(3, "a server that insists on a client certificate");
        String[] serverArgs = {"--port", "0", "--policy", "legacy", "--protocols", "SSLv3",
                "--cert", serverCert.toString(), "--key", serverKey.toString(),
                "--client-auth", "need", "--trust", clientCert.toString(), "--trace"};
        show("sslkit server " + String.join(" ", serverArgs));
        try (BackgroundServer server = BackgroundServer.start(context.withStreams(context.in(), out, out),
                serverArgs)) {
            List<String> clientArgs = List.of(server.address(), "--policy", "legacy", "--protocols", "SSLv3",
                    "--cert", clientCert.toString(), "--key", clientKey.toString(), "--trust", serverCert.toString());

            heading(4, "a client sends one message over SSL 3.0: the ten steps of the handshake as they happen");
            List<String> first = with(clientArgs, "--suites", FIRST_SUITE, "--trace");
            show("echo '" + message + "' | sslkit client " + String.join(" ", first));
            String echoed = client(first, message + "\n");
            check(echoed.equals(message + "\n"), "the server echoed '" + echoed.strip() + "', not the message");
            out.println("echoed back: " + echoed.strip());
            awaitServer("server#1: echoed");

            heading(5, "stop the RC4 bundle: its suites leave the list at once");
            List<String> before = suiteNames();
            check(modules.stop(RC4_MODULE), RC4_MODULE + " is not present");
            List<String> after = awaitSuites(names -> names.size() < before.size());
            List<String> gone = new ArrayList<>(before);
            gone.removeAll(after);
            out.println("sslkit suites --policy legacy: " + before.size() + " suites before, " + after.size()
                    + " after; gone: " + String.join(", ", gone));
            check(gone.contains(FIRST_SUITE), FIRST_SUITE + " is still listed without RC4");

            heading(6, "the same client again: RC4 is refused before any byte is sent; 3DES works");
            List<String> again = with(clientArgs, "--suites", FIRST_SUITE);
            show("sslkit client " + String.join(" ", again));
            int refused = Commands.execute(context.withStreams(InputStream.nullInputStream(), out, out),
                    prefixed("client", again));
            check(refused != 0, "a client still offered " + FIRST_SUITE + " without the RC4 module");
            List<String> second = with(clientArgs, "--suites", SECOND_SUITE);
            show("echo '" + message + "' | sslkit client " + String.join(" ", second));
            String echoedAgain = client(second, message + "\n");
            check(echoedAgain.equals(message + "\n"), "the second connection echoed '" + echoedAgain.strip() + "'");
            out.println("echoed back: " + echoedAgain.strip());
            awaitServer("server#2: echoed");
        } finally {
            modules.start(RC4_MODULE);
        }
        List<String> restored = awaitSuites(names -> names.contains(FIRST_SUITE));
        heading(7, "RC4 bundle started again: " + restored.size() + " suites");
        out.println("demo complete: both handshakes finished with close_notify sent and received");
        return 0;
    }

    /** Runs {@code sslkit client} with a message as its standard input; returns what the server sent back. */
    private String client(List<String> args, String input) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        PrintStream dataOut = new PrintStream(data, true, StandardCharsets.UTF_8);
        int status = Commands.execute(context.withStreams(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), dataOut, out), prefixed("client", args));
        check(status == 0, "sslkit client ended with status " + status);
        return data.toString(StandardCharsets.UTF_8);
    }

    private List<String> suiteNames() {
        return SuiteTable.of(context.registry().get(), Policy.LEGACY).available().stream().map(CipherSuite::name)
                .toList();
    }

    /** A bundle's services leave on the framework's own thread; give the registry a moment to hear of it. */
    private List<String> awaitSuites(java.util.function.Predicate<List<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> names = suiteNames();
        while (!done.test(names) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            names = suiteNames();
        }
        return names;
    }

    /** The server reports a connection on its own thread once the client has gone; keep the story in order. */
    private void awaitServer(String line) throws InterruptedException {
        check(watched.await(line, 10_000), "the server did not report '" + line + "'");
    }

    private void heading(int n, String text) {
        out.println();
        out.println("== " + n + ". " + text + " ==");
    }

    private void show(String command) {
        out.println("$ " + command);
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String[] prefixed(String command, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(args);
        return all.toArray(new String[0]);
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new CliFailure("demo failed: " + failure);
        }
    }
}
