package io.sslkit.distribution;

import static io.sslkit.distribution.ChildProcess.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command needs the KEA module only for the Fortezza credential ({@code requires static}): on a module path
 * without it, {@code bin/sslkit server} starts with its RSA and DSA certificates alone and serves a client.
 */
class WithoutKeaModuleIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dist;
    @TempDir
    Path home;

    @Test
    void serverAndClientRunWithoutTheKeaModule() throws Exception {
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib"));
        Files.copy(Distribution.home().resolve("bin").resolve("sslkit"), dist.resolve("bin").resolve("sslkit"),
                StandardCopyOption.COPY_ATTRIBUTES);
        int left = 0;
        for (Path jar : Distribution.libJars()) {
            if (jar.getFileName().toString().startsWith("sslkit-ciphers-kea-")) {
                left++;
            } else {
                Files.copy(jar, dist.resolve("lib").resolve(jar.getFileName()));
            }
        }
        assertEquals(1, left, "exactly one KEA jar in " + Distribution.lib());
        String sslkit = dist.resolve("bin").resolve("sslkit").toString();
        Map<String, String> env = Map.of("SSLKIT_HOME", home.toString());

        try (ChildProcess server = ChildProcess.start(command(sslkit, "server", "--port", "0"), env)) {
            String port = server.await(LauncherEchoIT.LISTENING, false, RUN);
            assertFalse(server.stdout().contains("KEA"), server.transcript());
            try (ChildProcess client = ChildProcess.start(command(sslkit, "client", "127.0.0.1:" + port, "--trust",
                    home.resolve("credentials").resolve("server-rsa.crt.pem").toString()), env)) {
                client.send("no kea here\n");
                assertEquals(0, client.waitFor(RUN), client.transcript() + "\n" + server.transcript());
                assertEquals("no kea here\n", client.stdout(), client.transcript());
            }
        }
    }
}
