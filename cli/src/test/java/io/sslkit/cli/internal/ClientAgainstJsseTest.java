package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sslkit client} against the JDK's own TLS server (SunJSSE), in this JVM. */
class ClientAgainstJsseTest {
    @TempDir
    Path dir;

    @Test
    void echoOverTls12WithAnRsaSuiteBothEndsClosingWithCloseNotify() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = GeneratedCredentials.selfSigned(kp, "RSA");
        Path certFile = Files.writeString(dir.resolve("jsse.crt"),
                GeneratedCredentials.pem("CERTIFICATE", cert.getEncoded()));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", kp.getPrivate(), new char[0], new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLSv1.2");
        tls.init(kmf.getKeyManagers(), null, null);

        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {"TLSv1.2"});
            server.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA"});
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.UTF_8));
                    String line = in.readLine();
                    OutputStream out = s.getOutputStream();
                    out.write(("jsse got: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // the client's close_notify ends the stream; closing answers with ours
                    int end = in.read();
                    return line + "|" + end;
                } catch (Exception e) {
                    return "failed: " + e;
                }
            });
            Run c = Run.of(AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader()), Map.of(),
                    new ByteArrayInputStream("over TLS\n".getBytes(StandardCharsets.UTF_8)),
                    "client", "127.0.0.1:" + server.getLocalPort(), "--trust", certFile.toString(),
                    "--suites", "AES128-SHA");
            assertEquals(0, c.status(), c.err());
            assertEquals("jsse got: over TLS\n", c.out());
            assertTrue(c.err().contains("TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA"), c.err());
            assertEquals("over TLS|-1", received.get(10, TimeUnit.SECONDS));
        }
    }
}
