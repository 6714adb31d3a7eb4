package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container as a user starts it: bin/sslkit-felix boots every bundle at its start level, SLF4J logs through its
 * binding (the start-level pitfall), and the watched load/ folder installs a dropped bundle and uninstalls a removed
 * one. The RC4 bundle plays the dropped bundle: this copy of the distribution has it in load/'s stead of bundle/.
 */
class SslkitFelixIT {
    /** One row of "lb -s": id|state|level|symbolic name (version)|version. */
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*(\\d+)\\|([^ |]+) ", Pattern.MULTILINE);
    private static final String RC4 = "io.sslkit.cipher.rc4";
    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Test
    void bootsEveryBundleAndFollowsTheLoadFolder() throws Exception {
        Path home = copyWithRc4Held();
        Path rc4Jar = home.resolve("held").resolve("rc4.jar");
        ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin").resolve("sslkit-felix").toString());
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().put("SSLKIT_FELIX_CACHE", home.resolve("felix-cache").toString());

        try (GogoSession gogo = new GogoSession(launcher)) {
            Map<String, String[]> bundles = awaitBundles(gogo);
            int boot = Distribution.bootBundles().size();
            int expected = boot + Distribution.bundles().size() - 1 /* RC4, held back */ + 1 /* system bundle */;
            assertEquals(expected, bundles.size(), "every jar of bundle/boot and bundle/: " + bundles.keySet());
            assertEquals(boot, bundles.values().stream().filter(r -> r[1].equals("1")).count(),
                    "bundles at start level 1: " + bundles.keySet());
            bundles.forEach((name, row) -> assertEquals("Active", row[0], name + " is " + row[0]));
            assertTrue(bundles.containsKey("slf4j.simple") && bundles.get("slf4j.simple")[1].equals("1"));
            // Logged through slf4j-simple, which SLF4J only picks when SPI Fly was up before it initialised.
            long end = System.nanoTime() + SETTLE.toNanos();
            while (!gogo.transcript().contains("INFO io.sslkit.handshake.internal.osgi.RegistryFeeder")) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the registry feeder's log line is missing: SLF4J fell back to its "
                            + "no-op logger?\n" + gogo.transcript());
                }
                Thread.sleep(100);
            }
            assertFalse(bundles.containsKey(RC4), "RC4 was not held back");

            Files.copy(rc4Jar, home.resolve("load").resolve("rc4.jar"));
            awaitOutput(gogo, "lb -s " + RC4, out -> out.matches("(?s).*\\|Active\\s*\\|\\s*2\\|" + Pattern.quote(RC4) + " .*"));

            Files.delete(home.resolve("load").resolve("rc4.jar"));
            awaitOutput(gogo, "lb -s " + RC4, out -> !out.contains(RC4 + " "));

            assertEquals(0, gogo.stop(), "exit code after 'stop 0'");
        }
    }

    /**
     * Waits until the framework is at its final start level and no bundle is still starting (the level is reported
     * as soon as the framework moves to it), then returns name to {state, level}.
     */
    private static Map<String, String[]> awaitBundles(GogoSession gogo) throws Exception {
        String out = awaitOutput(gogo, "lb -s",
                o -> o.contains("START LEVEL 2") && ROW.matcher(o).find() && !o.contains("|Starting"));
        Map<String, String[]> rows = new TreeMap<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            rows.put(m.group(4), new String[] {m.group(2), m.group(3)});
        }
        return rows;
    }

    private static String awaitOutput(GogoSession gogo, String command, java.util.function.Predicate<String> done)
            throws Exception {
        long end = System.nanoTime() + SETTLE.toNanos();
        String out = gogo.run(command);
        while (!done.test(out)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("'" + command + "' never gave the expected answer; last:\n" + out);
            }
            Thread.sleep(200);
            out = gogo.run(command);
        }
        return out;
    }

    /** A fresh copy of the distribution whose RC4 bundle waits in held/ rather than in bundle/. */
    private static Path copyWithRc4Held() throws IOException {
        Path source = Distribution.home();
        Path home = source.getParent().resolve("sslkit-felix-run");
        if (Files.exists(home)) {
            try (Stream<Path> s = Files.walk(home)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String dir : new String[] {"bin", "conf", "felix", "bundle", "bundle/boot"}) {
            Files.createDirectories(home.resolve(dir));
            try (Stream<Path> s = Files.list(source.resolve(dir))) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, home.resolve(dir).resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("load"));
        Files.createDirectories(home.resolve("held"));
        try (Stream<Path> s = Files.list(home.resolve("bundle"))) {
            Path rc4 = s.filter(p -> p.getFileName().toString().startsWith("sslkit-ciphers-rc4-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no RC4 bundle in " + source));
            Files.move(rc4, home.resolve("held").resolve("rc4.jar"));
        }
        return home;
    }
}
