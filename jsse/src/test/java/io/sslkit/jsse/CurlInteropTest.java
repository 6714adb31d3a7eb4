package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl (Debian's, on OpenSSL 3) against the JDK's HttpsServer running on SSLKIT, over TLS 1.2. */
class CurlInteropTest {
    private static final TestPki PKI = TestPki.get();

    private static boolean curlPresent() {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "curl")));
    }

    @Test
    void curlFetchesFromHttpsServerOnSslkit(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(curlPresent(), "curl is not installed: the OpenSSL client interop is skipped");
        HttpsServer server = HttpsPeers.server(PKI.sslkit("TLS", PKI.server));
        try {
            Path ca = PKI.caPem(dir);
            Path body = dir.resolve("body");
            Path log = dir.resolve("log");
            Process curl = new ProcessBuilder("curl", "-sS", "-v", "--max-time", "20", "--tlsv1.2", "--tls-max", "1.2",
                    "--cacert", ca.toString(), "-o", body.toString(), HttpsPeers.url(server))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl finished");
            String trace = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, curl.exitValue(), trace);
            // curl (OpenSSL) verified the chain and the address, and says which version it spoke
            assertTrue(trace.contains("SSL connection using TLSv1.2"), trace);
            assertTrue(trace.contains("SSL certificate verify ok"), trace);
            String text = Files.readString(body, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("hello over TLSv1.2 TLS_RSA_WITH_AES_"), text);
            assertTrue(text.endsWith("via SSLKIT"), text);
        } finally {
            server.stop(0);
        }
    }
}
