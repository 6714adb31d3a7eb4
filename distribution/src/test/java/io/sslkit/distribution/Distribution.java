package io.sslkit.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The assembled folder (target/sslkit) that the tests run, exactly as a user gets it. */
final class Distribution {
    /** Folder of the META-INF/services files that name sslkit SPI providers. */
    static final String SPI_SERVICES_PREFIX = "META-INF/services/io.sslkit.api.spi.";

    private Distribution() {
    }

    static Path home() {
        String dir = System.getProperty("sslkit.dist");
        if (dir == null) {
            throw new IllegalStateException("system property sslkit.dist is not set: run the tests through Maven");
        }
        Path home = Paths.get(dir).toAbsolutePath();
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new IllegalStateException(home + " holds no bundle/ folder: the distribution was not assembled");
        }
        return home;
    }

    static Path lib() {
        return home().resolve("lib");
    }

    /** Bundles of start level 1: the service-loader extender, ASM and SLF4J. */
    static List<Path> bootBundles() throws IOException {
        return jars(home().resolve("bundle").resolve("boot"));
    }

    /** Bundles of start level 2: everything else, sslkit's among them. */
    static List<Path> bundles() throws IOException {
        return jars(home().resolve("bundle"));
    }

    static List<Path> libJars() throws IOException {
        return jars(lib());
    }

    /** sslkit's own jars (the module path and the bundle folder hold the same artifacts). */
    static List<Path> sslkitJars() throws IOException {
        return bundles().stream().filter(p -> p.getFileName().toString().startsWith("sslkit-")).toList();
    }

    static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * The provider classes a jar declares in its sslkit SPI service files, as "service=provider" pairs; comments and
     * blank lines skipped as {@link java.util.ServiceLoader} does.
     */
    static List<String> declaredProviders(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
                if (!e.getName().startsWith(SPI_SERVICES_PREFIX) || e.isDirectory()) {
                    continue;
                }
                String service = e.getName().substring("META-INF/services/".length());
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(jf.getInputStream(e), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int hash = line.indexOf('#');
                        String provider = (hash >= 0 ? line.substring(0, hash) : line).trim();
                        if (!provider.isEmpty()) {
                            out.add(service + "=" + provider);
                        }
                    }
                }
            }
        }
        return out;
    }
}
