package io.sslkit.examples.camellia.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The assembled distribution's `sslkit suites` on the JPMS module path: the Camellia suites are listed when the
 * example's jar is named in SSLKIT_MODULE_PATH, and not otherwise. Runs only with -Dsslkit.home=... (profile
 * "distribution"), since the example builds without sslkit's distribution.
 */
@EnabledIfSystemProperty(named = "sslkit.home", matches = ".+")
class ModulePathSuitesIT {
    private static final Set<String> CAMELLIA_RSA_SUITES =
            Set.of("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");

    private static Path home;
    private static Path jar;

    @BeforeAll
    static void locate() {
        home = Path.of(System.getProperty("sslkit.home"));
        jar = Path.of(System.getProperty("camellia.jar"));
        assertTrue(Files.isExecutable(home.resolve("bin/sslkit")), "no bin/sslkit in " + home);
    }

    /** The suite names `sslkit suites` lists (the first word of each line), with the module path given. */
    private static Map<String, String> suites(String modulePath) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SSLKIT_MODULE_PATH", modulePath);
        Run run = Run.of(List.of(home.resolve("bin/sslkit").toString(), "suites"), home, env, "",
                Duration.ofSeconds(60));
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdout().lines().map(String::trim).filter(l -> l.startsWith("TLS_") || l.startsWith("SSL_"))
                .collect(Collectors.toMap(l -> l.split("\\s+")[0], l -> l, (a, b) -> a));
    }

    @Test
    void listedWithTheJarInSslkitModulePath() throws Exception {
        Map<String, String> suites = suites(jar.toString());
        assertTrue(suites.keySet().containsAll(CAMELLIA_RSA_SUITES), suites.keySet().toString());
        String line = suites.get("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA");
        assertTrue(line.contains("CAMELLIA_128_CBC=io.sslkit.examples.camellia"), line);
    }

    @Test
    void absentWithoutIt() throws Exception {
        Map<String, String> suites = suites(null);
        assertTrue(suites.size() > 0, "sslkit suites listed nothing");
        assertTrue(suites.keySet().stream().noneMatch(n -> n.contains("CAMELLIA")), suites.keySet().toString());
    }
}
