package io.sslkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Boots the distribution's Apache Felix in this JVM and runs an sslkit command inside it, through the Gogo
 * component of the cli bundle there. The framework comes from its own class loader, not from the module path, so
 * it is driven through the OSGi interfaces by reflection: only java.* types cross between the two worlds.
 */
final class EmbeddedFelix {
    /** The service the cli bundle registers inside the framework (see {@code internal.osgi.GogoCommands}). */
    static final String COMMANDS_SERVICE = "io.sslkit.cli.internal.osgi.GogoCommands";
    private static final long SERVICE_TIMEOUT_MILLIS = 30_000;
    /** Held, because java.util.logging forgets the settings of loggers nobody references. */
    private static final Logger QUIET_ROOT_LOGGER = Logger.getLogger("");

    private EmbeddedFelix() {
    }

    /** Starts the framework with the distribution's bundles, runs {@code sslkit <args>} inside, stops it. */
    static int runInside(Path home, CliContext context, String... args) throws Exception {
        // inside the container SLF4J's simple binding and SPI Fly (java.util.logging) would narrate every bundle
        // event on stderr; the demo is about the handshake
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        QUIET_ROOT_LOGGER.setLevel(Level.WARNING);
        // SLF4J inside this embedded framework finds no binding: SPI Fly's lookup also reaches the slf4j.simple module
        // of the module path (ServiceLoader matches providers by service name) and that provider is of the other
        // SLF4J, so the inner one falls back to no logging (bin/sslkit-felix is not affected). The demo wants quiet
        // anyway; keep SLF4J from saying so.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Path storage = Files.createTempDirectory("sslkit-felix-");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {home.resolve(FelixDistribution.LAUNCHER).toUri()
                .toURL()}, ClassLoader.getPlatformClassLoader())) {
            Osgi osgi = new Osgi(loader);
            Map<String, String> config = new HashMap<>();
            config.put("org.osgi.framework.storage", storage.toString());
            config.put("org.osgi.framework.storage.clean", "onFirstInit");
            config.put("felix.log.level", "1");
            // URL stream handlers are process-wide state that Felix cannot take back on the module path at stop
            config.put("felix.service.urlhandlers", "false");
            config.put("org.osgi.framework.system.packages", systemPackages(loader));
            Object framework = loader.loadClass("org.apache.felix.framework.Felix").getConstructor(Map.class)
                    .newInstance(config);
            osgi.call(framework, osgi.bundle, "start");
            try {
                Object bundleContext = osgi.call(framework, osgi.bundle, "getBundleContext");
                // the extender, ASM and SLF4J first, as bin/sslkit-felix starts them at level 1
                startAll(osgi, bundleContext, jars(home.resolve("bundle/boot")));
                startAll(osgi, bundleContext, jars(home.resolve("bundle")));
                Object commands = awaitService(osgi, bundleContext);
                Method execute = commands.getClass().getMethod("execute", InputStream.class, PrintStream.class,
                        PrintStream.class, String[].class);
                return (Integer) execute.invoke(commands, context.in(), context.out(), context.err(), args);
            } finally {
                osgi.call(framework, osgi.bundle, "stop");
                loader.loadClass("org.osgi.framework.launch.Framework").getMethod("waitForStop", long.class)
                        .invoke(framework, 10_000L);
            }
        } finally {
            deleteTree(storage);
        }
    }

    /**
     * The OSGi packages and the JDK's: left to itself Felix would also export from the system bundle every package of
     * the module path it runs on (sslkit, SLF4J, Bouncy Castle), and the bundles would wire to those copies instead of
     * to each other.
     */
    private static String systemPackages(ClassLoader felix) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = felix.getResourceAsStream("default.properties")) {
            if (in == null) {
                throw new IOException("the Felix jar has no default.properties");
            }
            defaults.load(in);
        }
        StringBuilder sb = new StringBuilder(defaults.getProperty("osgi-exports", "").strip());
        for (Module m : ModuleLayer.boot().modules()) {
            if (!m.getName().startsWith("java.") && !m.getName().startsWith("jdk.")) {
                continue;
            }
            for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                if (!e.isQualified()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(e.source());
                }
            }
        }
        return sb.toString();
    }

    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    // the shell would take this process's console; the demo talks to the cli bundle directly
                    .filter(p -> !p.getFileName().toString().startsWith("org.apache.felix.gogo.shell"))
                    .sorted().toList();
        }
    }

    private static void startAll(Osgi osgi, Object bundleContext, List<Path> jars) throws Exception {
        List<Object> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(osgi.call(bundleContext, osgi.bundleContext, "installBundle", jar.toUri().toString()));
        }
        for (Object b : installed) {
            @SuppressWarnings("unchecked")
            java.util.Dictionary<String, String> headers =
                    (java.util.Dictionary<String, String>) osgi.call(b, osgi.bundle, "getHeaders");
            if (headers.get("Fragment-Host") == null) {
                osgi.call(b, osgi.bundle, "start");
            }
        }
    }

    private static Object awaitService(Osgi osgi, Object bundleContext) throws Exception {
        long deadline = System.currentTimeMillis() + SERVICE_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            // getAllServiceReferences: the plain lookup would hide a service whose class the caller could load
            // differently, and the framework sees this module path's copy of the cli classes
            Object[] refs = (Object[]) osgi.bundleContext.getMethod("getAllServiceReferences", String.class,
                    String.class).invoke(bundleContext, COMMANDS_SERVICE, null);
            if (refs != null && refs.length > 0) {
                Object ref = refs[0];
                Object service = osgi.bundleContext.getMethod("getService", osgi.serviceReference)
                        .invoke(bundleContext, ref);
                if (service != null) {
                    return service;
                }
            }
            Thread.sleep(50);
        }
        throw new CliFailure("the sslkit commands did not start inside Felix within " + SERVICE_TIMEOUT_MILLIS / 1000
                + " s; bundles not active: " + inactive(osgi, bundleContext));
    }

    /** What went wrong is nearly always a bundle that could not resolve or start: name them. */
    private static String inactive(Osgi osgi, Object bundleContext) throws Exception {
        final int active = 32;
        List<String> names = new ArrayList<>();
        for (Object b : (Object[]) osgi.call(bundleContext, osgi.bundleContext, "getBundles")) {
            int state = (Integer) osgi.call(b, osgi.bundle, "getState");
            if (state != active && ((java.util.Dictionary<?, ?>) osgi.call(b, osgi.bundle, "getHeaders"))
                    .get("Fragment-Host") == null) {
                names.add(osgi.call(b, osgi.bundle, "getSymbolicName") + " (state " + state + ")");
            }
        }
        return names.isEmpty() ? "none (the cli bundle's component is not satisfied)" : String.join(", ", names);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The few OSGi interfaces used, as the framework's class loader defines them. */
    private static final class Osgi {
        final Class<?> bundle;
        final Class<?> bundleContext;
        final Class<?> serviceReference;

        Osgi(ClassLoader loader) throws ClassNotFoundException {
            bundle = loader.loadClass("org.osgi.framework.Bundle");
            bundleContext = loader.loadClass("org.osgi.framework.BundleContext");
            serviceReference = loader.loadClass("org.osgi.framework.ServiceReference");
        }

        Object call(Object target, Class<?> type, String method, String... args) throws Exception {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            try {
                return type.getMethod(method, types).invoke(target, (Object[]) args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
            }
        }
    }
}
