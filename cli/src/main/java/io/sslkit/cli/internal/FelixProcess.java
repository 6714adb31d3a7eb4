package io.sslkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one sslkit command inside the distribution's Apache Felix, started as its own JVM exactly as
 * {@code bin/sslkit-felix} starts it, and returns the command's exit status.
 *
 * <p>Why not a framework inside this JVM: on the module path this JVM's system class loader defines the
 * {@code slf4j.simple} module. SPI Fly hands SLF4J inside the framework a class loader whose parent is the system
 * class loader, so the provider class name found in the bundle's service file resolves to the module path's copy,
 * which {@link java.util.ServiceLoader} skips (a named module's class, of the other SLF4J): the bundles' SLF4J found
 * no binding and their logs were lost. A JVM of its own has only the Felix launcher on its class path.
 */
final class FelixProcess {
    /** System properties {@code sslkit.exec.0}, {@code .1}... carry the command line to the cli bundle. */
    static final String EXEC_PROPERTY_PREFIX = "sslkit.exec.";
    /** The demo needs about ten seconds; a container that never runs the command must not hang the caller. */
    private static final long TIMEOUT_SECONDS = 300;
    /** Log levels passed on to the container, so that the caller's choice (or the quiet default) holds there too. */
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private FelixProcess() {
    }

    static int run(Path home, CliContext context, String... args) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("sslkit-felix-");
        try {
            // SPI Fly narrates every provider it registers through java.util.logging at INFO; the demo is about
            // the handshake, and warnings still show
            Path logging = work.resolve("logging.properties");
            Files.writeString(logging, "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n",
                    StandardCharsets.ISO_8859_1);
            ProcessBuilder pb = new ProcessBuilder(command(home, work, logging, args));
            // the child keeps its credentials where this command would (SSLKIT_HOME, else ~/.sslkit)
            pb.environment().put(CliContext.HOME_VARIABLE, context.home().toString());
            Process p = pb.start();
            // a container left behind would keep its ports and threads: it goes when this JVM goes
            Thread reaper = new Thread(p::destroy, "sslkit-felix reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                // the shell runs without a console (gosh.args below); nothing reads the child's input
                p.getOutputStream().close();
                Thread out = pump(p.getInputStream(), context.out(), "sslkit-felix stdout");
                Thread err = pump(p.getErrorStream(), context.err(), "sslkit-felix stderr");
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new CliFailure("sslkit " + String.join(" ", args) + " did not finish inside Felix within "
                            + TIMEOUT_SECONDS + " s");
                }
                out.join(TimeUnit.SECONDS.toMillis(10));
                err.join(TimeUnit.SECONDS.toMillis(10));
                return p.exitValue();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException e) {
                    // this JVM is shutting down already; the hook runs
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /** The command line of bin/sslkit-felix, with the command to run and a bundle cache of its own. */
    static List<String> command(Path home, Path work, Path logging, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dsslkit.home=" + home);
        // its own cache: a bin/sslkit-felix running from the same folder keeps its own
        cmd.add("-Dsslkit.felix.cache=" + work.resolve("felix-cache"));
        cmd.add("-Dfelix.config.properties=" + home.resolve("conf").resolve("config.properties").toUri());
        cmd.add("-Dfelix.auto.start.1=" + bootBundles(home));
        cmd.add("-Dgosh.args=--nointeractive");
        cmd.add("-Djava.util.logging.config.file=" + logging);
        cmd.add("-D" + SIMPLE_LOGGER_LEVEL + "=" + System.getProperty(SIMPLE_LOGGER_LEVEL, "warn"));
        for (int i = 0; i < args.length; i++) {
            cmd.add("-D" + EXEC_PROPERTY_PREFIX + i + "=" + args[i]);
        }
        cmd.add("-jar");
        cmd.add(home.resolve(FelixDistribution.LAUNCHER).toString());
        return cmd;
    }

    /** Start level 1, in name order as bin/sslkit-felix gives it: ASM, SPI Fly, then SLF4J and its binding. */
    private static String bootBundles(Path home) throws IOException {
        Path boot = home.resolve("bundle").resolve("boot");
        if (!Files.isDirectory(boot)) {
            return "";
        }
        try (Stream<Path> s = Files.list(boot)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .map(p -> p.toUri().toString()).collect(Collectors.joining(" "));
        }
    }

    private static Thread pump(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) > 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                to.println("(reading the container's output failed: " + e.getMessage() + ")");
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
