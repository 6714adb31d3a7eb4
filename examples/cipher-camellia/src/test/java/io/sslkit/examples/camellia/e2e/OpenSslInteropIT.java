package io.sslkit.examples.camellia.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live peer checks the cipher: OpenSSL 3's s_server, allowing nothing but one Camellia suite (RSA, or DHE_DSS with
 * a DSA certificate), against `sslkit client` with the example's jar in SSLKIT_MODULE_PATH — and `sslkit server`
 * against `openssl s_client`.
 * Runs only with -Dsslkit.home=... (profile "distribution"); everything listens on 127.0.0.1.
 */
@EnabledIfSystemProperty(named = "sslkit.home", matches = ".+")
class OpenSslInteropIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LINE = "camellia says hello";

    @TempDir
    static Path credentials;
    private static Path home;
    private static Path jar;

    @BeforeAll
    static void certificates() throws Exception {
        home = Path.of(System.getProperty("sslkit.home"));
        jar = Path.of(System.getProperty("camellia.jar"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.pem",
                "-days", "1", "-subj", "/CN=localhost");
        // DHE_DSS needs a DSA certificate; s_server then uses its built-in 2048-bit DH group
        openssl("dsaparam", "-out", "dsaparam.pem", "2048");
        openssl("gendsa", "-out", "dsa.key", "dsaparam.pem");
        openssl("req", "-x509", "-new", "-key", "dsa.key", "-out", "dsa.pem", "-days", "1", "-subj", "/CN=localhost",
                "-sha256");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Run run = Run.of(command, credentials, Map.of(), "", TIMEOUT);
        assertEquals(0, run.exitCode(), command + ": " + run.stderr());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** s_server answering each line reversed, allowing one suite and one version only. */
    private static Daemon openSslServer(int port, String suite, String versionFlag) throws Exception {
        String credential = suite.startsWith("DHE-DSS") ? "dsa" : "rsa";
        Daemon server = Daemon.start(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", credential + ".pem", "-key", credential + ".key", "-cipher", suite + ":@SECLEVEL=0",
                versionFlag, "-rev",
                "-naccept", "1"), credentials, Map.of());
        server.await(Pattern.compile("ACCEPT"), TIMEOUT);
        return server;
    }

    private static Run sslkitClient(int port, String modulePath, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/sslkit").toString(), "client",
                "127.0.0.1:" + port, "--insecure"));
        command.addAll(options);
        Map<String, String> env = new HashMap<>();
        env.put("SSLKIT_MODULE_PATH", modulePath);
        return Run.of(command, home, env, LINE + "\n", TIMEOUT);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
            "CAMELLIA128-SHA, -tls1_2, TLSv1.2, default",
            "CAMELLIA256-SHA, -tls1_2, TLSv1.2, default",
            "CAMELLIA128-SHA, -tls1_1, TLSv1.1, legacy",
            "CAMELLIA256-SHA, -tls1, TLSv1, legacy",
            "DHE-DSS-CAMELLIA128-SHA, -tls1_2, TLSv1.2, default",
            "DHE-DSS-CAMELLIA256-SHA, -tls1, TLSv1, legacy"})
    void sslkitClientAgainstOpenSslServer(String suite, String opensslVersion, String version, String policy)
            throws Exception {
        int port = freePort();
        try (Daemon server = openSslServer(port, suite, opensslVersion)) {
            Run client = sslkitClient(port, jar.toString(),
                    List.of("--policy", policy, "--protocols", version, "--suites", suite));
            assertEquals(0, client.exitCode(), client.stderr() + "\nserver:\n" + server.output());
            assertTrue(client.stdout().contains(new StringBuilder(LINE).reverse()),
                    "no reversed echo: " + client.stdout() + "\n" + client.stderr());
            // OpenSSL's own account of what was negotiated
            server.await(Pattern.compile("Protocol version: " + Pattern.quote(version) + "\\R"), TIMEOUT);
            server.await(Pattern.compile("Ciphersuite: " + Pattern.quote(suite) + "\\R"), TIMEOUT);
        }
    }

    @Test
    void withoutTheModuleTheSameClientGetsHandshakeFailure() throws Exception {
        int port = freePort();
        try (Daemon server = openSslServer(port, "CAMELLIA128-SHA", "-tls1_2")) {
            // every suite sslkit has, but no Camellia: the server finds nothing it accepts
            Run client = sslkitClient(port, null, List.of());
            assertEquals(1, client.exitCode(), client.stdout());
            assertTrue(client.stderr().contains("received fatal alert handshake_failure"), client.stderr());
            server.await(Pattern.compile("no shared cipher"), TIMEOUT);
        }
    }

    @Test
    void openSslClientAgainstSslkitServer() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SSLKIT_MODULE_PATH", jar.toString());
        try (Daemon server = Daemon.start(List.of(home.resolve("bin/sslkit").toString(), "server", "--port", "0",
                "--cert", credentials.resolve("rsa.pem").toString(), "--key", credentials.resolve("rsa.key").toString(),
                "--suites", "CAMELLIA256-SHA"), home, env)) {
            int port = Integer.parseInt(
                    server.await(Pattern.compile("listening on [^\\s:]+:(\\d+)"), TIMEOUT).group(1));
            // s_client quits at the end of its input, so the input stays open until the echo is back
            Run client = Run.of(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                    "-cipher", "CAMELLIA256-SHA:@SECLEVEL=0", "-tls1_2"), credentials, Map.of(), LINE + "\n",
                    Duration.ofSeconds(2), TIMEOUT);
            String transcript = client.stdout() + "\n" + client.stderr() + "\nserver:\n" + server.output();
            assertTrue(client.stdout().contains("Cipher is CAMELLIA256-SHA"), transcript);
            assertTrue(client.stdout().contains(LINE), "no echo: " + transcript);
            server.await(Pattern.compile("TLSv1\\.2 TLS_RSA_WITH_CAMELLIA_256_CBC_SHA"), TIMEOUT);
        }
    }
}
