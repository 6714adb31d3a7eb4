package io.sslkit.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A launcher of the distribution (or a peer such as openssl) run as a child process: its standard output and error
 * collected as they come, every wait bounded, the process killed on close whatever happened.
 */
final class ChildProcess implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private ChildProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.outReader = collect(process.getInputStream(), out, "stdout of " + command.get(0));
        this.errReader = collect(process.getErrorStream(), err, "stderr of " + command.get(0));
    }

    /** Starts {@code command}; the environment is the test's, without SSLKIT_MODULE_PATH, plus {@code env}. */
    static ChildProcess start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("SSLKIT_MODULE_PATH");
        pb.environment().remove("SSLKIT_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return new ChildProcess(List.copyOf(command), pb.start());
    }

    /** bin/NAME of the distribution under test. */
    static String launcher(String name) {
        return Distribution.home().resolve("bin").resolve(name).toString();
    }

    static List<String> command(String first, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    /** Writes {@code input} to the child's standard input and closes it (end of input). */
    ChildProcess send(String input) throws IOException {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits for the exit and returns the status; a child still running after {@code timeout} is a failure. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeout + "\n" + transcript());
        }
        outReader.join(5_000);
        errReader.join(5_000);
        return process.exitValue();
    }

    /** Waits until standard output (or error) holds a match of {@code regex}; returns the match's first group. */
    String await(Pattern regex, boolean inStderr, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = regex.matcher(inStderr ? err : out);
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                // one last look: the reader may still have been copying the final lines
                outReader.join(2_000);
                errReader.join(2_000);
                m = regex.matcher(inStderr ? err : out);
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : m.group();
                }
                throw new AssertionError(command + " ended (status " + process.exitValue() + ") before printing "
                        + regex + "\n" + transcript());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(command + " did not print " + regex + " within " + timeout + "\n"
                        + transcript());
            }
            Thread.sleep(50);
        }
    }

    String stdout() {
        return out.toString();
    }

    String stderr() {
        return err.toString();
    }

    String transcript() {
        return "--- stdout of " + command + "\n" + out + "--- stderr\n" + err + "---";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** A TCP port that was free a moment ago on 127.0.0.1, for peers that cannot pick their own. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs a tool to completion (keytool, openssl req) and fails the test if it fails. */
    static void tool(Path workDir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(List.of(command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(List.of(command) + " failed with " + p.exitValue() + ":\n" + output);
        }
    }

    private static Thread collect(InputStream from, StringBuffer to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) > 0) {
                    to.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                to.append("\n(reading failed: ").append(e).append(")\n");
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
