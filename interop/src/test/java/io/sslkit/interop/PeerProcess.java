package io.sslkit.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer program (openssl, gnutls-serv, gnutls-cli) running as a child process. Its stdout and stderr go to files
 * under {@code target/interop/peers}, so that they survive a failed test for reading; its stdin stays a pipe that
 * the test writes to. Closing destroys the process, forcibly if it does not end at once.
 */
final class PeerProcess implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static boolean cleaned;

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private PeerProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static PeerProcess start(String name, List<String> command) throws IOException {
        Path dir = peersDir();
        String base = String.format("%03d-%s", SEQUENCE.incrementAndGet(), name);
        Path out = dir.resolve(base + ".out");
        Path err = dir.resolve(base + ".err");
        Files.writeString(dir.resolve(base + ".cmd"), String.join(" ", command) + "\n");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new PeerProcess(base, pb.start(), out, err);
    }

    /** The log folder, emptied once per run so that every file in it belongs to this run. */
    private static synchronized Path peersDir() throws IOException {
        Path dir = Workspace.dir("peers");
        if (!cleaned) {
            try (var old = Files.list(dir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            cleaned = true;
        }
        return dir;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Types a line on the peer's stdin (s_server's "R" and the like). */
    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** Waits for the process to exit by itself; returns its exit code, or fails with its stderr. */
    int awaitExit(Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(name + " still running after " + timeout + "; stderr: " + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name, e);
        }
    }

    /** What the peer printed on stdout so far. */
    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    byte[] stdoutBytes() {
        try {
            return Files.readAllBytes(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is already broken when the process has gone
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
