package io.sslkit.examples.camellia.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process: its exit code and everything it printed. */
record Run(int exitCode, String stdout, String stderr) {

    /**
     * Runs a command to completion with {@code stdin} fed and closed; {@code env} entries with a null value are
     * removed from the inherited environment. A process that outlives {@code timeout} is killed and reported.
     */
    static Run of(List<String> command, Path dir, Map<String, String> env, String stdin, Duration timeout)
            throws IOException, InterruptedException {
        return of(command, dir, env, stdin, Duration.ZERO, timeout);
    }

    /**
     * As above, but stdin stays open for {@code holdStdin} after it was written: a client that quits at the end of
     * its input (openssl s_client) then still sees the answer to what it sent.
     */
    static Run of(List<String> command, Path dir, Map<String, String> env, String stdin, Duration holdStdin,
                  Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        Collector out = new Collector(p.getInputStream());
        Collector err = new Collector(p.getErrorStream());
        out.start();
        err.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(holdStdin.toMillis());
        } catch (IOException e) {
            // the command may exit without reading its input; what it printed says why
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            out.join();
            err.join();
            throw new AssertionError(command + " did not finish within " + timeout + "; stdout:\n" + out.text()
                    + "\nstderr:\n" + err.text());
        }
        out.join();
        err.join();
        return new Run(p.exitValue(), out.text(), err.text());
    }

    /** Drains one stream of a child so that it never blocks on a full pipe. */
    static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                in.transferTo(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
