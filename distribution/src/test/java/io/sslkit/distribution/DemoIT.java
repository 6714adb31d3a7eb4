package io.sslkit.distribution;

import static io.sslkit.distribution.ChildProcess.command;
import static io.sslkit.distribution.ChildProcess.launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sslkit demo}, the newcomer's first command, run as the README tells: it exits 0, its trace shows each of
 * the ten steps on both sides, the RC4 bundle leaves and a second handshake succeeds on 3DES; and the Felix it runs
 * in logs through slf4j-simple (the module path's own SLF4J binding once hid that one from the bundles).
 */
class DemoIT {
    private static final Duration RUN = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void completesAndTracesTheTenStepsInsideFelixWithItsLogs() throws Exception {
        try (ChildProcess demo = ChildProcess.start(command(launcher("sslkit"), "demo"), Map.of(
                "SSLKIT_HOME", home.toString(),
                // the demo keeps the container quiet by default; INFO shows the registry's own log line
                "SSLKIT_JAVA_OPTS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"))) {
            demo.send("");
            assertEquals(0, demo.waitFor(RUN), demo.transcript());
            String out = demo.stdout();
            assertTrue(out.startsWith("sslkit demo: an SSL 3.0 handshake watched step by step, in Apache Felix"), out);
            for (int step = 1; step <= 10; step++) {
                assertTrue(out.contains("[client] step " + step + "/10"), "client step " + step + "\n" + out);
                assertTrue(out.contains("[server#1] step " + step + "/10"), "server step " + step + "\n" + out);
            }
            assertTrue(out.contains("SSLv3 SSL_RSA_WITH_RC4_128_MD5"), out);
            assertTrue(out.contains("client authenticated: CertificateVerify (RSA) verified"), out);
            assertTrue(out.contains("echoed back: hello from the sslkit demo"), out);
            assertTrue(out.contains("[client] alert received: warning close_notify"), out);
            assertTrue(out.matches("(?s).*; gone: [^\\n]*SSL_RSA_WITH_RC4_128_MD5.*"), out);
            assertTrue(out.contains("SSLv3 SSL_RSA_WITH_3DES_EDE_CBC_SHA"), out);
            assertTrue(out.contains("demo complete: both handshakes finished with close_notify sent and received"),
                    out);

            String logs = demo.stdout() + demo.stderr();
            assertTrue(logs.contains("INFO io.sslkit.handshake.internal.osgi.RegistryFeeder - algorithm registry "
                    + "active"), "the bundles' SLF4J did not log through slf4j-simple\n" + demo.transcript());
            assertFalse(logs.contains("No SLF4J providers were found"), demo.transcript());
            assertTrue(out.contains(home.resolve("credentials").toString()), "credentials outside $SSLKIT_HOME\n" + out);
        }
    }
}
