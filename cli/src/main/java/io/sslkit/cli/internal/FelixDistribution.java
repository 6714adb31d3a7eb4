package io.sslkit.cli.internal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the distribution folder whose Felix container the demo boots: bundle/, bundle/boot/ and the launcher jar. */
final class FelixDistribution {
    /** The Felix launcher jar (it holds the framework), relative to the distribution folder. */
    static final String LAUNCHER = "felix/org.apache.felix.main.jar";
    /** Set by bin/sslkit-felix; honoured here too. */
    static final String HOME_PROPERTY = "sslkit.home";

    private FelixDistribution() {
    }

    /** The explicit folder, else the system property, else the folder above the lib/ holding {@code anchor}'s jar. */
    static Path locate(Path explicit, Class<?> anchor) {
        if (explicit != null) {
            return isDistribution(explicit) ? explicit.toAbsolutePath() : null;
        }
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && isDistribution(Path.of(property))) {
            return Path.of(property).toAbsolutePath();
        }
        Path jar = jarOf(anchor);
        if (jar != null && jar.getParent() != null && jar.getParent().getParent() != null) {
            Path home = jar.getParent().getParent();
            if (isDistribution(home)) {
                return home;
            }
        }
        return null;
    }

    static boolean isDistribution(Path folder) {
        return Files.isRegularFile(folder.resolve(LAUNCHER)) && Files.isDirectory(folder.resolve("bundle"));
    }

    private static Path jarOf(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
