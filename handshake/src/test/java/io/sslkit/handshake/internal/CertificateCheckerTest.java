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
}
