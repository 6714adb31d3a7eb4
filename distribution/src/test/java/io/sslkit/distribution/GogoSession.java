package io.sslkit.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * bin/sslkit-felix run as a child process, driven through the Gogo shell on its standard input. Each command is
 * followed by an {@code echo} of a fresh marker, so that the output of one command is exactly what comes before it.
 */
final class GogoSession implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final OutputStream stdin;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private int consumed;
    private int markers;

    GogoSession(ProcessBuilder launcher) throws IOException {
        launcher.redirectErrorStream(true);
        process = launcher.start();
        stdin = process.getOutputStream();
        InputStream out = process.getInputStream();
        reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = out.read(buf)) > 0) {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("\n(reading the launcher's output failed: ").append(e).append(")\n");
            }
        }, "sslkit-felix output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs one shell command and returns what it printed. */
    String run(String command) throws IOException, InterruptedException {
        String marker = "sslkit-it-marker-" + (++markers);
        stdin.write((command + "\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            int at = output.indexOf(marker + "\n", consumed);
            if (at < 0) {
                at = output.indexOf(marker + "\r\n", consumed);
            }
            if (at >= 0) {
                String result = output.substring(consumed, at);
                consumed = at + marker.length();
                return result;
            }
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("no answer to '" + command + "'; output so far:\n" + output);
            }
            Thread.sleep(50);
        }
    }

    /** Everything printed so far, startup messages included. */
    String transcript() {
        return output.toString();
    }

    /** Stops the framework from the shell and returns the launcher's exit code. */
    int stop() throws IOException, InterruptedException {
        stdin.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the framework did not stop; output:\n" + output);
        }
        reader.join(TIMEOUT.toMillis());
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
