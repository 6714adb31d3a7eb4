package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sslkit server} and {@code sslkit client} against each other in one JVM, over 127.0.0.1. */
class ServerClientTest {
    @TempDir
    static Path home;

    private static AlgorithmRegistry registry;
    private static Map<String, String> env;
    private static Path clientCert;
    private static Path clientKey;

    @BeforeAll
    static void setUp() throws Exception {
        registry = AlgorithmRegistry.fromServiceLoader(ServerClientTest.class.getClassLoader());
        env = Map.of(CliContext.HOME_VARIABLE, home.toString());
        // the server's generated certificates, made once for the whole class
        GeneratedCredentials.loadOrCreate(new CliContext(java.io.InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err, env::get,
                () -> registry), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        clientCert = Files.writeString(home.resolve("client.crt"),
                GeneratedCredentials.pem("CERTIFICATE", GeneratedCredentials.selfSigned(kp, "RSA").getEncoded()));
        clientKey = Files.writeString(home.resolve("client.key"),
                GeneratedCredentials.pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    }

    private static Run client(String input, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "client";
        System.arraycopy(args, 0, all, 1, args.length);
        return Run.of(registry, env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), all);
    }

    @Test
    void echoesStandardInputAndClosesWithCloseNotify() throws Exception {
        try (RunningServer server = new RunningServer(registry, env)) {
            Run c = client("hello, sslkit\nsecond line\n", server.address());
            assertEquals(0, c.status(), c.err());
            assertEquals("hello, sslkit\nsecond line\n", c.out());
            assertTrue(c.err().startsWith("connected to " + server.address() + ": TLSv1.2 TLS_"), c.err());
            String log = server.awaitOut("close_notify received");
            assertTrue(log.contains("server#1: echoed 26 bytes; close_notify received"), log);
        }
    }

    @Test
    void sslv3WithClientAuthenticationTracesAllTenSteps() throws Exception {
        try (RunningServer server = new RunningServer(registry, env, "--policy", "legacy", "--protocols", "SSLv3",
                "--client-auth", "need", "--trust", clientCert.toString(), "--trace")) {
            Run c = client("ping\n", server.address(), "--policy", "legacy", "--suites", "RC4-MD5",
                    "--cert", clientCert.toString(), "--key", clientKey.toString(), "--trace");
            assertEquals(0, c.status(), c.err());
            assertEquals("ping\n", c.out());
            assertTrue(c.err().contains("SSLv3 SSL_RSA_WITH_RC4_128_MD5"), c.err());
            for (int step = 1; step <= 10; step++) {
                String line = "step " + step + "/10";
                assertTrue(c.err().contains("[client] " + line) || server.out().contains("[server#1] " + line),
                        "step " + step + " traced by one side:\n" + c.err() + server.out());
            }
            assertTrue(c.err().contains("[client] step 5/10"), "the client sent its certificate: " + c.err());
            assertTrue(c.err().contains("[client] alert sent: warning close_notify"), c.err());
            assertTrue(c.err().contains("[client] alert received: warning close_notify"), c.err());
            String log = server.awaitOut("close_notify received");
            assertTrue(log.contains("[server#1] step 6/10"), log);
            assertTrue(log.contains("peer certificate \"OU=generated RSA server certificate"), log);
            assertFalse(c.err().toLowerCase(java.util.Locale.ROOT).contains("master_secret ="), c.err());
        }
    }

    @Test
    void reconnectResumesTheSession() throws Exception {
        try (RunningServer server = new RunningServer(registry, env)) {
            Run c = client("", server.address(), "--reconnect", "2");
            assertEquals(0, c.status(), c.err());
            assertTrue(c.err().contains("reconnect 1: resumed: "), c.err());
            assertTrue(c.err().contains("reconnect 2: resumed: "), c.err());
        }
    }

    @Test
    void handshakeFailureIsOneLineNamingTheAlert() throws Exception {
        try (RunningServer server = new RunningServer(registry, env)) {
            Run c = client("never sent\n", server.address(), "--policy", "legacy", "--protocols", "SSLv3");
            assertEquals(Commands.FAILED, c.status());
            assertEquals(1, c.errLines().size(), c.err());
            assertTrue(c.err().startsWith("handshake failed: received fatal alert "), c.err());
            assertEquals("", c.out());
            String log = server.awaitErr("server#1: handshake failed: ");
            assertEquals(1, log.lines().count(), "one line per failed connection: " + log);
        }
    }

    @Test
    void untrustedServerCertificateEndsTheHandshake() throws Exception {
        try (RunningServer server = new RunningServer(registry, env)) {
            Run c = client("x\n", server.address(), "--trust", clientCert.toString());
            assertEquals(Commands.FAILED, c.status());
            assertEquals(1, c.errLines().size(), c.err());
            assertTrue(c.err().startsWith("handshake failed: "), c.err());
            assertTrue(c.err().contains("certificate_unknown") || c.err().contains("bad_certificate")
                    || c.err().contains("unknown_ca"), c.err());
        }
    }

    @Test
    void clientAuthenticationNeededButNotGivenIsRefused() throws Exception {
        try (RunningServer server = new RunningServer(registry, env, "--client-auth", "need", "--trust",
                clientCert.toString())) {
            Run c = client("x\n", server.address());
            assertEquals(Commands.FAILED, c.status());
            assertTrue(c.err().startsWith("handshake failed: received fatal alert "), c.err());
        }
    }

    @Test
    void clientAuthenticationWantedMayBeDeclined() throws Exception {
        try (RunningServer server = new RunningServer(registry, env, "--client-auth", "want", "--trust",
                clientCert.toString())) {
            Run c = client("no certificate\n", server.address());
            assertEquals(0, c.status(), c.err());
            assertEquals("no certificate\n", c.out());
            assertTrue(server.awaitOut("close_notify received").contains("server#1: TLSv1.2"), server.out());
            assertTrue(server.out().contains(", no peer certificate"), server.out());
        }
    }

    @Test
    void serverCredentialFromPkcs12WithThePasswordFromTheEnvironment() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        java.security.cert.X509Certificate cert = GeneratedCredentials.selfSigned(kp, "RSA");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", kp.getPrivate(), "p12".toCharArray(), new java.security.cert.X509Certificate[] {cert});
        Path p12 = home.resolve("server.p12");
        try (java.io.OutputStream o = Files.newOutputStream(p12)) {
            ks.store(o, "p12".toCharArray());
        }
        Map<String, String> withPassword = Map.of(CliContext.HOME_VARIABLE, home.toString(),
                CredentialFiles.PASSWORD_VARIABLE, "p12");
        try (RunningServer server = new RunningServer(registry, withPassword, "--cert", p12.toString())) {
            Run c = client("pkcs12\n", server.address(), "--trust", p12.toString());
            // --trust reads the certificate out of the same PKCS#12 file (password from the same variable)
            assertEquals(Commands.USAGE, c.status(), "the client has no password for it: " + c.err());
            Run trusted = Run.of(registry, withPassword, new ByteArrayInputStream(
                    "pkcs12\n".getBytes(StandardCharsets.UTF_8)), "client", server.address(), "--trust", p12.toString());
            assertEquals(0, trusted.status(), trusted.err());
            assertEquals("pkcs12\n", trusted.out());
        }
    }

    @Test
    void wwwServesAPageDescribingTheSession() throws Exception {
        try (RunningServer server = new RunningServer(registry, env, "--www")) {
            Run c = client("GET /<b> HTTP/1.0\r\n\r\n", server.address(), "--insecure");
            assertEquals(0, c.status(), c.err());
            assertTrue(c.out().startsWith("HTTP/1.0 200 OK\r\n"), c.out());
            assertTrue(c.out().contains("<td>TLSv1.2</td>"), c.out());
            assertTrue(c.out().contains("GET /&lt;b&gt; HTTP/1.0"), "the request is escaped: " + c.out());
        }
    }

    @Test
    void connectionsAreServedConcurrently() throws Exception {
        try (RunningServer server = new RunningServer(registry, env)) {
            // a client that connects and sends nothing holds its connection open; others must still be served
            try (java.net.Socket idle = new java.net.Socket("127.0.0.1",
                    Integer.parseInt(server.address().substring(server.address().indexOf(':') + 1)))) {
                Run c = client("still served\n", server.address());
                assertEquals(0, c.status(), c.err());
                assertEquals("still served\n", c.out());
            }
        }
    }
}
