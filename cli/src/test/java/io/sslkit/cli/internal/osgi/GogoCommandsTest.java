package io.sslkit.cli.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.cli.internal.TestCredentials;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gogo functions without a framework: here the test injects the registry as DS would, and stands in for the
 * shell, which routes System.out to the session. The distribution's tests run them inside Felix.
 */
class GogoCommandsTest {
    private final GogoCommands commands = new GogoCommands();

    @TempDir
    Path dir;

    GogoCommandsTest() {
        commands.setRegistry(AlgorithmRegistry.fromServiceLoader(getClass().getClassLoader()));
    }

    @Test
    void executeRunsTheCommandLineWithTheGivenStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, commands.execute(InputStream.nullInputStream(), o, e,
                new String[] {"suites", "--policy", "legacy"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("SSL_RSA_WITH_RC4_128_MD5"));
        assertEquals(2, commands.execute(InputStream.nullInputStream(), o, e, new String[] {"suites", "--nope"}));
    }

    @Test
    void serveRunsInTheBackgroundUntilStopped() throws Exception {
        Path[] credential = TestCredentials.writeRsa(dir);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int port;
        try {
            commands.serve("--port", "0", "--cert", credential[0].toString(), "--key", credential[1].toString());
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)")
                    .matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), out.toString(StandardCharsets.UTF_8));
            port = Integer.parseInt(m.group(1));
            try (Socket probe = new Socket("127.0.0.1", port)) {
                assertTrue(probe.isConnected(), "the server accepts after serve returned");
            }
            commands.serve("stop");
        } finally {
            System.setOut(saved);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("stopped the server on 127.0.0.1:" + port));
        int stopped = port;
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", stopped).close());
    }
}
