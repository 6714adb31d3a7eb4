package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fortezza suites inside the real Felix of the distribution (bin/sslkit-felix, driven through its Gogo shell):
 * sslkit's server ({@code sslkit:serve}, whose generated credentials include a KEA certificate) and sslkit's client
 * ({@code sslkit:connect}) complete an SSL 3.0 handshake and echo data for each of the three suites; the suites leave
 * the registry when the KEA bundle stops, the SKIPJACK suite alone leaves when the SKIPJACK bundle stops, and both
 * come back, working, when the bundles start again.
 */
class FortezzaInFelixIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String KEA = "io.sslkit.cipher.kea";
    private static final String SKIPJACK = "io.sslkit.cipher.skipjack";
    private static final String SUITES = "sslkit:suites --policy legacy";
    private static final String FORTEZZA_CBC = "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA";
    private static final List<String> FORTEZZA = List.of("SSL_FORTEZZA_KEA_WITH_NULL_SHA", FORTEZZA_CBC,
            "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");

    @TempDir
    Path work;

    @Test
    void fortezzaSuitesHandshakeAndFollowTheKeaAndSkipjackBundles() throws Exception {
        ProcessBuilder launcher = new ProcessBuilder(ChildProcess.launcher("sslkit-felix"));
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().remove("SSLKIT_JAVA_OPTS");
        launcher.environment().remove("SSLKIT_MODULE_PATH");
        // a cache and credentials of this test's own, so that no other run's state leaks in
        launcher.environment().put("SSLKIT_FELIX_CACHE", work.resolve("felix-cache").toString());
        launcher.environment().put("SSLKIT_HOME", work.resolve("home").toString());

        try (GogoSession gogo = new GogoSession(launcher)) {
            String with = await(gogo, SUITES, out -> fortezzaLines(out).size() == 3);
            assertEquals(FORTEZZA.stream().sorted().toList(),
                    fortezzaLines(with).stream().map(l -> l.split("\\s+")[0]).sorted().toList(), with);

            String served = gogo.run("sslkit:serve --port 0 --policy legacy");
            Matcher port = LISTENING.matcher(served);
            assertTrue(port.find(), "sslkit:serve did not listen:\n" + served + "\ntranscript:\n" + gogo.transcript());
            String address = "127.0.0.1:" + port.group(1);
            for (String suite : FORTEZZA) {
                assertEchoes(gogo, address, suite, work.resolve(suite + ".first"));
            }

            String kea = bundleId(gogo, KEA);
            gogo.run("stop " + kea);
            String withoutKea = await(gogo, SUITES, out -> fortezzaLines(out).isEmpty());
            assertEquals(lines(with).stream().filter(l -> !isFortezza(l)).toList(), lines(withoutKea),
                    "stopping KEA must take the three Fortezza suites and nothing else");
            gogo.run("start " + kea);
            assertEquals(lines(with), lines(await(gogo, SUITES, out -> lines(out).equals(lines(with)))));

            String skipjack = bundleId(gogo, SKIPJACK);
            gogo.run("stop " + skipjack);
            String withoutSkipjack = await(gogo, SUITES, out -> fortezzaLines(out).size() == 2);
            assertEquals(lines(with).stream().filter(l -> !l.startsWith(FORTEZZA_CBC + " ")).toList(),
                    lines(withoutSkipjack), "stopping SKIPJACK must take its one suite and nothing else");
            gogo.run("start " + skipjack);
            await(gogo, SUITES, out -> lines(out).equals(lines(with)));

            // back in the registry is not enough: the server that ran throughout must serve them again
            for (String suite : FORTEZZA) {
                assertEchoes(gogo, address, suite, work.resolve(suite + ".again"));
            }

            assertTrue(gogo.run("sslkit:serve stop").contains("stopped the server on " + address), gogo.transcript());
            assertEquals(0, gogo.stop(), "exit code after 'stop 0'");
        }
    }

    /**
     * One line through the server and back: Gogo's pipe gives {@code sslkit:connect} the echo's output as its
     * standard input, whose end makes the client send close_notify and exit. The client's standard output (the
     * server's data only) is redirected to {@code received}: in the shell's own output the server's status lines,
     * written from its threads, can land between two records of the answer (the CBC suite splits off the first byte).
     */
    private static void assertEchoes(GogoSession gogo, String address, String suite, Path received)
            throws Exception {
        String message = "fortezza in felix over " + suite;
        String out = gogo.run("echo '" + message + "' | sslkit:connect " + address
                + " --policy legacy --protocols SSLv3 --suites " + suite + " --insecure > " + received);
        assertTrue(out.contains("connected to " + address + ": SSLv3 " + suite + ","),
                "no SSL 3.0 handshake on " + suite + ":\n" + out);
        assertEquals(message + "\n", Files.readString(received), "the data that came back on " + suite);
        assertTrue(!out.contains("failed") && !out.contains("truncated"), out);
    }

    /** The id in the bundle's row of "lb -s": "  19|Active     |    2|io.sslkit.cipher.kea (0.1.0...)|...". */
    private static String bundleId(GogoSession gogo, String symbolicName) throws Exception {
        Matcher m = Pattern.compile("(?m)^(?:g! )?\\s*(\\d+)\\|Active\\s*\\|\\s*\\d+\\|" + Pattern.quote(symbolicName)
                + " ").matcher(gogo.run("lb -s " + symbolicName));
        assertTrue(m.find(), "no active row for " + symbolicName + " in 'lb -s'");
        return m.group(1);
    }

    private static String withoutPrompt(String line) {
        return line.replaceFirst("^(g! )+", "");
    }

    /** The suite rows of sslkit:suites, "NAME  0xCODE  KX=module CIPHER=module MAC=module". */
    private static List<String> lines(String out) {
        return out.lines().map(FortezzaInFelixIT::withoutPrompt)
                .filter(l -> l.matches("^(SSL|TLS)_\\w+\\s+0x[0-9A-F]{4}\\s.*")).toList();
    }

    private static boolean isFortezza(String line) {
        return FORTEZZA.stream().anyMatch(s -> line.startsWith(s + " "));
    }

    private static List<String> fortezzaLines(String out) {
        return lines(out).stream().filter(FortezzaInFelixIT::isFortezza).toList();
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
}
