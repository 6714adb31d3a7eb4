package io.sslkit.distribution;

import static io.sslkit.distribution.ChildProcess.command;
import static io.sslkit.distribution.ChildProcess.launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sslkit client} against servers that are not sslkit: SunJSSE in this JVM (TLS 1.2, and SSL 3.0 with RC4
 * once the JDK's legacy algorithms are allowed again) and {@code openssl s_server -rev} (TLS 1.2, AES128-SHA), which
 * answers each line reversed. The client must copy its input over, print the answer, and exit 0 after close_notify.
 */
class ClientAgainstPeersIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String STORE_PASSWORD = "sslkit-it";

    @TempDir
    static Path work;

    @BeforeAll
    static void allowLegacyJsse() {
        // read once, when JSSE is first used in this JVM: before any SSLContext exists
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
    }

    @Test
    void jsseServerTls12() throws Exception {
        echoThroughJsse("TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA", "default");
    }

    @Test
    void jsseServerSsl3Rc4() throws Exception {
        echoThroughJsse("SSLv3", "SSL_RSA_WITH_RC4_128_MD5", "legacy");
    }

    @Test
    void opensslServerReversesEachLine() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed (.ci/run installs it)");
        Path dir = Files.createDirectories(work.resolve("openssl"));
        ChildProcess.tool(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                "-out", "cert.pem", "-subj", "/CN=localhost", "-days", "2", "-addext", "subjectAltName=IP:127.0.0.1");
        int port = ChildProcess.freePort();
        try (ChildProcess openssl = ChildProcess.start(command("openssl", "s_server", "-accept",
                "127.0.0.1:" + port, "-cert", dir.resolve("cert.pem").toString(), "-key",
                dir.resolve("key.pem").toString(), "-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0", "-rev"), Map.of())) {
            openssl.await(Pattern.compile("ACCEPT"), false, RUN);
            try (ChildProcess client = ChildProcess.start(command(launcher("sslkit"), "client", "127.0.0.1:" + port,
                    "--protocols", "TLSv1.2", "--suites", "AES128-SHA", "--trust", dir.resolve("cert.pem").toString()),
                    Map.of())) {
                client.send("hello openssl\n");
                assertEquals(0, client.waitFor(RUN), client.transcript() + "\n" + openssl.transcript());
                assertEquals("lssnepo olleh\n", client.stdout(), client.transcript());
                assertTrue(client.stderr().contains("TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA"), client.transcript());
            }
        }
    }

    private static void echoThroughJsse(String protocol, String suite, String policy) throws Exception {
        Path dir = Files.createDirectories(work.resolve("jsse-" + protocol));
        Path store = dir.resolve("server.p12");
        Path cert = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ChildProcess.tool(dir, keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD);
        ChildProcess.tool(dir, keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-file", cert.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);

        AtomicReference<Throwable> serverFailure = new AtomicReference<>();
        try (SSLServerSocket listener = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {protocol});
            listener.setEnabledCipherSuites(new String[] {suite});
            Thread server = new Thread(() -> echoOnce(listener, serverFailure), "jsse echo server");
            server.setDaemon(true);
            server.start();

            try (ChildProcess client = ChildProcess.start(command(launcher("sslkit"), "client",
                    "127.0.0.1:" + listener.getLocalPort(), "--policy", policy, "--protocols", protocol, "--suites",
                    suite, "--trust", cert.toString()), Map.of())) {
                client.send("hello jsse\nsecond line\n");
                assertEquals(0, client.waitFor(RUN), client.transcript());
                assertEquals("hello jsse\nsecond line\n", client.stdout(), client.transcript());
                assertTrue(client.stderr().contains(protocol + " " + suite), client.transcript());
            }
            server.join(RUN.toMillis());
            if (serverFailure.get() != null) {
                throw new AssertionError("the JSSE server failed", serverFailure.get());
            }
        }
    }

    /** Echoes lines until the client's close_notify (end of stream), then closes, sending JSSE's own. */
    private static void echoOnce(SSLServerSocket listener, AtomicReference<Throwable> failure) {
        try (SSLSocket s = (SSLSocket) listener.accept()) {
            s.setSoTimeout((int) RUN.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
