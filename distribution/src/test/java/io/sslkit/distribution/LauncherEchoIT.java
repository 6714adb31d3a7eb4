package io.sslkit.distribution;

import static io.sslkit.distribution.ChildProcess.command;
import static io.sslkit.distribution.ChildProcess.launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sslkit server} and {@code bin/sslkit client} as two processes, as a user runs them: the client's
 * standard input comes back on its standard output, and it exits 0 once close_notify went both ways. The server keeps
 * its generated certificates in the user's $SSLKIT_HOME (the launcher must not take that name over); the KEA
 * certificate it makes at each start serves the Fortezza suites and stands in the way of no other suite.
 */
class LauncherEchoIT {
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    static Path home;
    private static ChildProcess server;
    private static String address;

    @BeforeAll
    static void startServer() throws Exception {
        // legacy: the same server answers the TLS 1.2 and the SSL 3.0 clients below
        server = ChildProcess.start(command(launcher("sslkit"), "server", "--port", "0", "--policy", "legacy"),
                Map.of("SSLKIT_HOME", home.toString()));
        address = "127.0.0.1:" + server.await(LISTENING, false, START);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void generatedCredentialsLandInTheUsersSslkitHome() {
        Path credentials = home.resolve("credentials");
        for (String file : List.of("server-rsa.crt.pem", "server-rsa.key.pem", "server-dsa.crt.pem")) {
            assertTrue(Files.isRegularFile(credentials.resolve(file)), file + " not in " + credentials + "\n"
                    + server.transcript());
        }
        String printed = server.stdout();
        assertTrue(printed.contains("generated self-signed RSA certificate " + credentials.resolve("server-rsa.crt.pem")),
                printed);
        assertTrue(printed.contains("generated KEA certificate for this run"), printed);
        assertTrue(!Files.exists(Distribution.home().resolve("credentials")), "credentials went to the distribution");
    }

    @Test
    void clientEchoesStandardInputOverTls12AndExitsZero() throws Exception {
        String input = "hello through two sslkit processes\nand a second line\n";
        try (ChildProcess client = ChildProcess.start(command(launcher("sslkit"), "client", address, "--trust",
                home.resolve("credentials").resolve("server-rsa.crt.pem").toString()), Map.of())) {
            client.send(input);
            assertEquals(0, client.waitFor(RUN), client.transcript());
            assertEquals(input, client.stdout(), client.transcript());
            assertTrue(client.stderr().contains("TLSv1.2"), client.transcript());
        }
        server.await(Pattern.compile("close_notify received"), false, RUN);
    }

    @Test
    void fortezzaSuiteIsServedWithTheGeneratedKeaCredential() throws Exception {
        // the KEA certificate is made afresh at each start and kept nowhere, so there is no file to --trust
        try (ChildProcess client = ChildProcess.start(command(launcher("sslkit"), "client", address, "--policy",
                "legacy", "--protocols", "SSLv3", "--suites", "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", "--insecure"),
                Map.of())) {
            client.send("skipjack\n");
            assertEquals(0, client.waitFor(RUN), client.transcript());
            assertEquals("skipjack\n", client.stdout(), client.transcript());
            assertTrue(client.stderr().contains("SSLv3 SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA"), client.transcript());
        }
    }

    @Test
    void legacyClientWithoutSuitesIsServedDespiteTheKeaCredential() throws Exception {
        // every legacy suite offered, the Fortezza ones among them: the server must still complete a handshake
        try (ChildProcess client = ChildProcess.start(command(launcher("sslkit"), "client", address, "--policy",
                "legacy", "--protocols", "SSLv3", "--trust",
                home.resolve("credentials").resolve("server-rsa.crt.pem").toString()), Map.of())) {
            client.send("ssl 3.0\n");
            assertEquals(0, client.waitFor(RUN), client.transcript());
            assertEquals("ssl 3.0\n", client.stdout(), client.transcript());
            assertTrue(client.stderr().contains("SSLv3"), client.transcript());
        }
    }
}
