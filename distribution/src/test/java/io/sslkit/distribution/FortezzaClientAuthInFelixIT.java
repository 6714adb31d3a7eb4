package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fortezza suites with client authentication inside the real Felix of the distribution (bin/sslkit-felix,
 * driven through its Gogo shell): an {@code sslkit:serve --client-auth need --trust CA} server, whose generated
 * credentials include a KEA certificate, takes a DSA client certificate made at test time, checks it against the
 * trusted CA, and echoes data for each of the three suites; the same server refuses a client that has no certificate
 * with a fatal handshake_failure, which the client reports in its one line.
 */
class FortezzaClientAuthInFelixIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String SUITES = "sslkit:suites --policy legacy";
    private static final List<String> FORTEZZA = List.of("SSL_FORTEZZA_KEA_WITH_NULL_SHA",
            "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA", "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");
    private static final String CLIENT_NAME = "fortezza client in felix";

    @TempDir
    Path work;

    @Test
    void dsaClientCertificateIsNeededAndAcceptedOnEveryFortezzaSuite() throws Exception {
        DsaClientPki pki = DsaClientPki.create(work.resolve("pki"), CLIENT_NAME);
        ProcessBuilder launcher = new ProcessBuilder(ChildProcess.launcher("sslkit-felix"));
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().remove("SSLKIT_JAVA_OPTS");
        launcher.environment().remove("SSLKIT_MODULE_PATH");
        launcher.environment().remove("SSLKIT_KEY_PASSWORD");
        // a cache and server credentials of this test's own, so that no other run's state leaks in
        launcher.environment().put("SSLKIT_FELIX_CACHE", work.resolve("felix-cache").toString());
        launcher.environment().put("SSLKIT_HOME", work.resolve("home").toString());

        try (GogoSession gogo = new GogoSession(launcher)) {
            awaitFortezzaSuites(gogo);

            String served = gogo.run("sslkit:serve --port 0 --policy legacy --protocols SSLv3 --client-auth need"
                    + " --trust " + pki.caCertificate() + " --trace");
            Matcher port = LISTENING.matcher(served);
            assertTrue(port.find(), "sslkit:serve did not listen:\n" + served + "\ntranscript:\n" + gogo.transcript());
            String address = "127.0.0.1:" + port.group(1);

            // the server numbers its connections in the order it accepts them, and these come one after another
            int connection = 0;
            for (String suite : FORTEZZA) {
                assertAuthenticatedEcho(gogo, address, suite, pki, ++connection, work.resolve(suite + ".echo"));
            }
            for (String suite : FORTEZZA) {
                assertRefusedWithoutCertificate(gogo, address, suite, ++connection, work.resolve(suite + ".refused"));
            }

            assertTrue(gogo.run("sslkit:serve stop").contains("stopped the server on " + address), gogo.transcript());
            assertEquals(0, gogo.stop(), "exit code after 'stop 0'");
        }
    }

    /**
     * The client's side: handshake on the suite and the line echoed back. The server's side, from its status line
     * and its trace: the session carries the client's certificate, which was checked against the CA and trusted.
     * <p>
     * The client's standard output (the server's data, nothing else) goes to {@code received} through Gogo's
     * redirection: in the shell's own output the server's lines, written from its threads, can land between two
     * records of the answer (the CBC suite splits the first byte off into a record of its own).
     */
    private static void assertAuthenticatedEcho(GogoSession gogo, String address, String suite, DsaClientPki pki,
                                                int connection, Path received) throws Exception {
        String message = "authenticated fortezza in felix over " + suite;
        String out = gogo.run("echo '" + message + "' | sslkit:connect " + address + " --policy legacy"
                + " --protocols SSLv3 --suites " + suite + " --insecure --cert " + pki.clientCertificate()
                + " --key " + pki.clientKey() + " > " + received);
        assertTrue(out.contains("connected to " + address + ": SSLv3 " + suite + ","),
                "no SSL 3.0 handshake on " + suite + " with a client certificate:\n" + out);
        assertEquals(message + "\n", Files.readString(received), "the data that came back on " + suite);
        assertFalse(out.contains("failed") || out.contains("truncated"), out);

        String label = "server#" + connection;
        awaitInTranscript(gogo, Pattern.quote(label + ": SSLv3 " + suite + ", new session ")
                + "[^\\r\\n]*" + Pattern.quote(", peer certificate \"" + pki.clientSubject() + "\""));
        awaitInTranscript(gogo, Pattern.quote("[" + label + "]") + " +" + Pattern.quote("client certificate subject \""
                + pki.clientSubject() + "\", issuer \"CN=sslkit test clients CA\", DSA key; trusted"));
        // the exact count: the message and the newline that echo adds, all of it back, then a clean close
        int bytes = (message + "\n").getBytes(StandardCharsets.UTF_8).length;
        awaitInTranscript(gogo, Pattern.quote(label + ": echoed " + bytes + " bytes; close_notify received"));
    }

    /**
     * RFC 6101 §5.6.6: the SSL 3.0 client without a certificate answers the CertificateRequest with a no_certificate
     * warning; a server that needs one ends the handshake with handshake_failure, and nothing is echoed.
     */
    private static void assertRefusedWithoutCertificate(GogoSession gogo, String address, String suite,
                                                        int connection, Path received) throws Exception {
        String message = "unauthenticated fortezza in felix over " + suite;
        String out = gogo.run("echo '" + message + "' | sslkit:connect " + address + " --policy legacy"
                + " --protocols SSLv3 --suites " + suite + " --insecure > " + received);
        assertTrue(out.contains("handshake failed: received fatal alert handshake_failure"),
                "a client without a certificate was not refused on " + suite + ":\n" + out);
        assertFalse(out.contains("connected to "), out);
        assertEquals("", Files.exists(received) ? Files.readString(received) : "", "data after a refused handshake");

        String label = "server#" + connection;
        awaitInTranscript(gogo, Pattern.quote("[" + label + "]") + " +"
                + Pattern.quote("client has no certificate (no_certificate alert), but one is needed"));
        awaitInTranscript(gogo, Pattern.quote(label + ": handshake failed: ") + "[^\\r\\n]*"
                + Pattern.quote("sent fatal alert handshake_failure"));
    }

    /** The bundles start in the background: wait until the registry offers all three suites. */
    private static void awaitFortezzaSuites(GogoSession gogo) throws Exception {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            String out = gogo.run(SUITES);
            long present = out.lines().map(FortezzaClientAuthInFelixIT::withoutPrompt)
                    .filter(l -> FORTEZZA.stream().anyMatch(s -> l.startsWith(s + " "))).count();
            if (present == FORTEZZA.size()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the Fortezza suites never all appeared; last:\n" + out);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The server writes from its connection threads, after the client's command has returned, so its lines are
     * looked for in the whole transcript until they appear.
     */
    private static void awaitInTranscript(GogoSession gogo, String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!p.matcher(gogo.transcript()).find()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the server never printed " + regex + "\ntranscript:\n" + gogo.transcript());
            }
            Thread.sleep(50);
        }
    }

    private static String withoutPrompt(String line) {
        return line.replaceFirst("^(g! )+", "");
    }
}
