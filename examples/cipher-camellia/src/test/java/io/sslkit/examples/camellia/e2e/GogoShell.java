package io.sslkit.examples.camellia.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution's {@code bin/sslkit-felix} as a child process, driven through the Gogo shell on its stdin. Each
 * command is followed by an {@code echo} of a unique marker, so its output is everything printed before the marker.
 */
final class GogoShell implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final StringBuilder output = new StringBuilder();
    private int markers;

    private GogoShell(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream()), "gogo-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the container of {@code home}, with its bundle cache under {@code cache}. */
    static GogoShell start(Path home, Path cache) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/sslkit-felix").toString()))
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("SSLKIT_FELIX_CACHE", cache.toString());
        return new GogoShell(pb.start());
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; what it printed is kept
        }
    }

    /** Runs one shell command and returns what it printed. */
    String run(String command, Duration timeout) throws IOException, InterruptedException {
        String marker = "--camellia-it-" + (++markers) + "--";
        int start;
        synchronized (output) {
            start = output.length();
        }
        stdin.write((command + "\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            int end;
            // the marker's own line, after a newline or after the "g! " prompt
            while ((end = output.indexOf("\n" + marker, start)) < 0
                    && (end = output.indexOf(" " + marker, start)) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("no answer to '" + command + "'; output so far:\n" + output);
                }
                output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return output.substring(start, end);
        }
    }

    /** Everything the container printed so far, for failure messages. */
    String transcript() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.write("exit 0\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
