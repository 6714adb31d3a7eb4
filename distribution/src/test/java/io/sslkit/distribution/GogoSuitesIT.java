package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/sslkit-felix} with the RC4 bundle in its watched load/ folder, driven through the Gogo shell on standard
 * input as a user types: {@code sslkit:suites} lists the RC4 suites; stopping the bundle takes them away and starting
 * it brings them back; deleting its jar from load/ removes them for good.
 */
class GogoSuitesIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String RC4 = "io.sslkit.cipher.rc4";
    private static final String SUITES = "sslkit:suites --policy legacy";

    @Test
    void suitesFollowTheRc4Bundle() throws Exception {
        Path home = copyWithRc4InLoad();
        ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin").resolve("sslkit-felix").toString());
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().remove("SSLKIT_JAVA_OPTS");

        try (GogoSession gogo = new GogoSession(launcher)) {
            String with = await(gogo, SUITES, out -> rc4Lines(out).size() == 4);
            assertTrue(with.contains("SSL_RSA_WITH_RC4_128_MD5 "), with);
            assertTrue(with.contains("SSL_RSA_WITH_3DES_EDE_CBC_SHA "), with);
            for (String line : rc4Lines(with)) {
                assertTrue(line.matches(".* RC4_(128|40)=io\\.sslkit\\.cipher\\.rc4( .*|$)"), line);
            }

            // Gogo's stop and start take a bundle id, not a symbolic name
            String id = bundleId(gogo);
            gogo.run("stop " + id);
            String stopped = await(gogo, SUITES, out -> rc4Lines(out).isEmpty());
            assertTrue(stopped.contains("SSL_RSA_WITH_3DES_EDE_CBC_SHA "), "only RC4 leaves: " + stopped);
            assertEquals(lines(with).size() - 4, lines(stopped).size(), stopped);

            gogo.run("start " + id);
            await(gogo, SUITES, out -> rc4Lines(out).size() == 4);

            Files.delete(home.resolve("load").resolve("rc4.jar"));
            String removed = await(gogo, SUITES, out -> rc4Lines(out).isEmpty());
            assertEquals(lines(stopped), lines(removed));
            assertFalse(gogo.run("lb -s " + RC4).contains(RC4 + " "), "File Install left the bundle installed");

            assertEquals(0, gogo.stop(), "exit code after 'stop 0'");
        }
    }

    /** The id in the bundle's row of "lb -s": "  37|Active     |    2|io.sslkit.cipher.rc4 (0.1.0.SNAPSHOT)|...". */
    private static String bundleId(GogoSession gogo) throws Exception {
        Matcher m = Pattern.compile("(?m)^(?:g! )?\\s*(\\d+)\\|\\w+\\s*\\|\\s*\\d+\\|" + Pattern.quote(RC4) + " ")
                .matcher(gogo.run("lb -s " + RC4));
        assertTrue(m.find(), "no row for " + RC4 + " in 'lb -s'");
        return m.group(1);
    }

    private static List<String> lines(String out) {
        // the shell's prompt may precede the first line
        return out.lines().map(l -> l.replaceFirst("^g! ", "")).filter(l -> l.matches("^(SSL|TLS)_\\w+\\s+0x[0-9A-F]{4}\\s.*"))
                .toList();
    }

    private static List<String> rc4Lines(String out) {
        return lines(out).stream().filter(l -> l.contains(" RC4_128=") || l.contains(" RC4_40=")).toList();
    }

    private static String await(GogoSession gogo, String command, Predicate<String> done) throws Exception {
        long end = System.nanoTime() + SETTLE.toNanos();
        String out = gogo.run(command);
        while (!done.test(out)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("'" + command + "' never gave the expected answer; last:\n" + out
                        + "\ntranscript:\n" + gogo.transcript());
            }
            Thread.sleep(200);
            out = gogo.run(command);
        }
        return out;
    }

    /** A fresh copy of the distribution whose RC4 bundle sits in load/ instead of bundle/. */
    private static Path copyWithRc4InLoad() throws IOException {
        Path source = Distribution.home();
        Path home = source.getParent().resolve("sslkit-gogo-suites");
        if (Files.exists(home)) {
            try (Stream<Path> s = Files.walk(home)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
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
        try (Stream<Path> s = Files.list(home.resolve("bundle"))) {
            Path rc4 = s.filter(p -> p.getFileName().toString().startsWith("sslkit-ciphers-rc4-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no RC4 bundle in " + source));
            Files.move(rc4, home.resolve("load").resolve("rc4.jar"));
        }
        return home;
    }
}
