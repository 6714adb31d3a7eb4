package io.sslkit.examples.camellia.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Felix world: the example's jar dropped into the running distribution's load/ folder brings the Camellia
 * suites into the registry without a restart, and removing it takes them away. Runs on a private copy of the
 * distribution so that the shared one is never touched. Runs only with -Dsslkit.home=... (profile "distribution").
 *
 * <p>The registry is read straight from the OSGi service through Gogo, so the test does not depend on the output
 * format of the sslkit:suites command.
 */
@EnabledIfSystemProperty(named = "sslkit.home", matches = ".+")
class FelixLoadFolderIT {
    private static final String COMPLETE_SUITES =
            "($.context getService ($.context getServiceReference io.sslkit.api.AlgorithmRegistry)) completeSuites";
    private static final Pattern SUITE_NAME = Pattern.compile("\\b(?:TLS|SSL)_[A-Z0-9_]+\\b");
    private static final Set<String> CAMELLIA_RSA_SUITES =
            Set.of("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void camelliaSuitesFollowTheJarInAndOutOfTheLoadFolder() throws Exception {
        Path home = copyDistribution(Path.of(System.getProperty("sslkit.home")), temp.resolve("sslkit"));
        Path jar = Path.of(System.getProperty("camellia.jar"));
        try (GogoShell shell = GogoShell.start(home, temp.resolve("cache"))) {
            Set<String> before = awaitSuites(shell, s -> !s.isEmpty(), "the registry never showed a suite");
            assertTrue(before.stream().noneMatch(n -> n.contains("CAMELLIA")), before.toString());

            Path dropped = home.resolve("load").resolve(jar.getFileName());
            Files.copy(jar, dropped);
            Set<String> with = awaitSuites(shell, s -> s.containsAll(CAMELLIA_RSA_SUITES),
                    "the Camellia suites did not appear after dropping the jar into load/");
            assertTrue(with.containsAll(before), "suites lost: " + with);

            Files.delete(dropped);
            Set<String> after = awaitSuites(shell, s -> s.stream().noneMatch(n -> n.contains("CAMELLIA")),
                    "the Camellia suites stayed after removing the jar from load/");
            assertTrue(after.equals(before), "before " + before + ", after " + after);
        }
    }

    /** Asks the registry until {@code done} holds (FileInstall polls the folder every second) or fails. */
    private static Set<String> awaitSuites(GogoShell shell, Predicate<Set<String>> done, String failure)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Set<String> suites;
        do {
            suites = new TreeSet<>();
            Matcher m = SUITE_NAME.matcher(shell.run(COMPLETE_SUITES, SETTLE));
            while (m.find()) {
                suites.add(m.group());
            }
            if (done.test(suites)) {
                return suites;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return fail(failure + "; last answer " + suites + "\n" + shell.transcript());
    }

    /** Copies bin/, bundle/, conf/, felix/ and an empty load/; the bundle cache is given to the launcher apart. */
    private static Path copyDistribution(Path from, Path to) throws IOException {
        for (String dir : new String[] {"bin", "bundle", "conf", "felix"}) {
            try (Stream<Path> files = Files.walk(from.resolve(dir))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Files.createDirectories(to.resolve("load"));
        return to;
    }
}
