package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.CertificateCheck;
import io.sslkit.handshake.TestPki;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a chain can fail maps to the alert RFC 5246 §7.2.2 names, and the hook can overrule. */
class CertificateCheckerTest {
    final TestPki pki = TestPki.get();
    final CertificateChecker strict = new CertificateChecker(List.of(pki.ca.certificate()), false,
            CertificateCheck.REFUSE);

    AlertDescription refusal(TestPki.Identity id, Set<String> keys) {
        return assertThrows(SslAlertException.class, () -> strict.check(List.of(id.chain()), keys)).alert();
    }

    @Test
    void trustedChainPasses() throws Exception {
        String detail = strict.check(List.of(pki.server.chain()), Set.of("RSA")).detail();
        assertTrue(detail.contains("CN=localhost") && detail.contains("trusted"), detail);
    }

    @Test
    void chainWithoutTheRootPasses() throws Exception {
        strict.check(List.of(pki.server.certificate()), Set.of("RSA"));
    }

    @Test
    void expiredIsCertificateExpired() {
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, refusal(pki.expiredServer, Set.of("RSA")));
    }

    @Test
    void anotherCaIsCertificateUnknown() {
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, refusal(pki.otherServer, Set.of("RSA")));
    }

    @Test
    void badSignatureIsBadCertificate() {
        assertEquals(AlertDescription.BAD_CERTIFICATE, refusal(pki.forgedServer, Set.of("RSA")));
    }

    @Test
    void wrongKeyTypeIsUnsupportedCertificate() {
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, refusal(pki.server, Set.of("DSA")));
    }

    @Test
    void malformedDerIsBadCertificate() {
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> CertificateChecker.parse(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}), 10));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert());
    }

    @Test
    void noTrustAnchorsIsCertificateUnknown() {
        CertificateChecker none = new CertificateChecker(List.of(), false, CertificateCheck.REFUSE);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> none.check(List.of(pki.server.chain()), Set.of("RSA")));
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, e.alert());
    }

    @Test
    void hookSeesTheProblemAndMayAccept() throws Exception {
        List<String> seen = new ArrayList<>();
        CertificateCheck hook = (List<X509Certificate> chain, AlertDescription problem, String reason) -> {
            seen.add(problem + " " + chain.get(0).getSubjectX500Principal().getName());
            return true;
        };
        CertificateChecker lenient = new CertificateChecker(List.of(pki.ca.certificate()), false, hook);
        String detail = lenient.check(List.of(pki.expiredServer.chain()), Set.of("RSA")).detail();
        assertEquals(List.of("certificate_expired CN=expired.localhost"), seen);
        assertTrue(detail.contains("accepted by the application"), detail);
    }

    @Test
    void insecureAcceptsButStillReports() throws Exception {
        CertificateChecker insecure = new CertificateChecker(List.of(), true, CertificateCheck.REFUSE);
        String detail = insecure.check(List.of(pki.otherServer.chain()), Set.of("RSA")).detail();
        assertTrue(detail.contains("certificate_unknown") && detail.contains("insecure"), detail);
    }

    @Test
    void hostNameMustMatchWhenGiven() throws Exception {
        assertTrue(strict.check(List.of(pki.server.chain()), Set.of("RSA"), "LOCALHOST").detail()
                .contains("names LOCALHOST"));
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> strict.check(List.of(pki.server.chain()), Set.of("RSA"), "example.org"));
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, e.alert());
        assertTrue(e.getMessage().contains("does not name example.org"), e::getMessage);
    }

    @Test
    void overlongChainIsRefusedBeforeParsing() {
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> CertificateChecker.parse(java.util.Collections.nCopies(11, new byte[] {0}), 10));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert());
        assertTrue(e.getMessage().contains("limit of 10"), e::getMessage);
    }

    /**
     * The PKIX parameters are shared per anchor set between threads: concurrent checks of trusted, expired and
     * foreign chains must each still get their own verdict.
     */
    @Test
    void sharedValidationStateGivesEachThreadItsOwnVerdict() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                TestPki.Identity id = switch (i % 3) {
                    case 0 -> pki.server;
                    case 1 -> pki.expiredServer;
                    default -> pki.otherServer;
                };
                results.add(pool.submit(() -> {
                    CertificateChecker c = new CertificateChecker(List.of(pki.ca.certificate()), false,
                            CertificateCheck.REFUSE);
                    try {
                        c.check(List.of(id.chain()), Set.of("RSA"));
                        return "trusted";
                    } catch (SslAlertException e) {
                        return e.alert().toString();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                String expected = switch (i % 3) {
                    case 0 -> "trusted";
                    case 1 -> AlertDescription.CERTIFICATE_EXPIRED.toString();
                    default -> AlertDescription.CERTIFICATE_UNKNOWN.toString();
                };
                assertEquals(expected, results.get(i).get(), "check #" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A verifier decides alone, is told sslkit's finding, and its refusal names the alert. */
    @Test
    void verifierDecides() throws Exception {
        List<io.sslkit.handshake.PeerChain> seen = new ArrayList<>();
        CertificateChecker withVerifier = new CertificateChecker(List.of(pki.ca.certificate()), false,
                CertificateCheck.REFUSE, seen::add);
        CertificateChecker.Negotiated n = new CertificateChecker.Negotiated(true,
                io.sslkit.api.ProtocolVersion.TLS_1_2,
                io.sslkit.api.CipherSuites.byName("TLS_RSA_WITH_AES_128_CBC_SHA").orElseThrow(), "localhost");
        withVerifier.check(List.of(pki.expiredServer.chain()), Set.of("RSA"), null, n);
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, seen.get(0).finding());
        CertificateChecker refusing = new CertificateChecker(List.of(pki.ca.certificate()), false,
                CertificateCheck.REFUSE, peer -> {
                    throw new SslAlertException(AlertDescription.UNKNOWN_CA, "no");
                });
        assertEquals(AlertDescription.UNKNOWN_CA, assertThrows(SslAlertException.class,
                () -> refusing.check(List.of(pki.server.chain()), Set.of("RSA"), null, n)).alert());
        // a key the suite cannot use is refused before the verifier is asked
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, assertThrows(SslAlertException.class,
                () -> withVerifier.check(List.of(pki.server.chain()), Set.of("DSA"), null, n)).alert());
        assertEquals(1, seen.size());
    }
}
