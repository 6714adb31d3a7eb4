package io.sslkit.distribution;

import static io.sslkit.distribution.ChildProcess.command;
import static io.sslkit.distribution.ChildProcess.launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wrong command lines given to {@code bin/sslkit}: exit status 2 and, on standard error, a line that says what is
 * wrong and where the help is. Nothing on standard output, where a script would read data.
 */
class WrongArgumentsIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    static List<Arguments> wrongCommandLines() {
        return List.of(
                Arguments.of(List.of("clinet", "127.0.0.1:4433"), "did you mean client"),
                Arguments.of(List.of("server"), "Missing required option: '--port=N'"),
                Arguments.of(List.of("client"), "Missing required parameter: 'HOST:PORT'"),
                Arguments.of(List.of("suites", "--policy", "bogus"), "bogus"),
                Arguments.of(List.of("client", "127.0.0.1:4433", "--suites", "NO_SUCH_SUITE"), "NO_SUCH_SUITE"),
                Arguments.of(List.of("server", "--port", "0", "--client-auth", "need"), "needs --trust FILE"));
    }

    @ParameterizedTest
    @MethodSource("wrongCommandLines")
    void exitTwoWithOneHelpfulLine(List<String> args, String explanation) throws Exception {
        List<String> cmd = command(launcher("sslkit"));
        cmd.addAll(args);
        try (ChildProcess p = ChildProcess.start(cmd, Map.of())) {
            p.send("");
            assertEquals(2, p.waitFor(RUN), p.transcript());
            assertEquals("", p.stdout(), p.transcript());
            String err = p.stderr().strip();
            assertTrue(err.contains(explanation), err);
            assertTrue(err.lines().count() <= 2, "one line, not a stack trace: " + err);
        }
    }

    @Test
    void bareCommandPrintsTheUsageAndExitsTwo() throws Exception {
        try (ChildProcess p = ChildProcess.start(command(launcher("sslkit")), Map.of())) {
            p.send("");
            assertEquals(2, p.waitFor(RUN), p.transcript());
            assertTrue(p.stderr().contains("Usage: sslkit"), p.transcript());
            assertTrue(p.stderr().contains("sslkit demo"), p.transcript());
        }
    }
}
