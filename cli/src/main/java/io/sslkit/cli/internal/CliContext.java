package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command may touch of the world it runs in: the streams, the environment, the algorithm registry. Commands
 * never reach for {@code System.out} or {@code System.getenv} themselves, so the same code serves the process, the
 * Gogo shell (whose streams belong to a session) and the tests. {@code modules} is null except inside an OSGi
 * framework, where it lets the demo stop and start bundles.
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Function<String, String> env,
                         Supplier<AlgorithmRegistry> registry, ModuleControl modules) {

    /** Where the generated server credentials are kept when {@code SSLKIT_HOME} is not set: ~/.sslkit. */
    public static final String HOME_VARIABLE = "SSLKIT_HOME";

    public CliContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(registry, "registry");
    }

    /** A context without control over the modules (everywhere but inside an OSGi framework). */
    public CliContext(InputStream in, PrintStream out, PrintStream err, Function<String, String> env,
                      Supplier<AlgorithmRegistry> registry) {
        this(in, out, err, env, registry, null);
    }

    public static CliContext of(InputStream in, PrintStream out, PrintStream err) {
        return new CliContext(in, out, err, System::getenv, AlgorithmRegistry::getDefault);
    }

    /** The same context with other streams, e.g. a demo's client that reads a message instead of the console. */
    public CliContext withStreams(InputStream newIn, PrintStream newOut, PrintStream newErr) {
        return new CliContext(newIn, newOut, newErr, env, registry, modules);
    }

    /** $SSLKIT_HOME, or ~/.sslkit. */
    public Path home() {
        String h = env.apply(HOME_VARIABLE);
        if (h != null && !h.isBlank()) {
            return Path.of(h);
        }
        return Path.of(System.getProperty("user.home"), ".sslkit");
    }
}
