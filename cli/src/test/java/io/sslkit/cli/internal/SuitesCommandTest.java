package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuitesCommandTest {

    @Test
    void legacyListsEachCompleteSuiteOnceWithTheModuleOfEachPart() {
        Run r = Run.of(Fixtures.rc4Registry(), "suites", "--policy", "legacy");
        assertEquals(0, r.status(), r.err());
        List<String> md5 = lines(r, "SSL_RSA_WITH_RC4_128_MD5 ");
        assertEquals(1, md5.size(), r.out());
        String line = md5.get(0);
        assertTrue(line.contains("0x0004"), line);
        assertTrue(line.contains("RSA=test.rsa"), line);
        assertTrue(line.contains("RC4_128=io.sslkit.cipher.rc4"), line);
        assertTrue(line.contains("MD5=test.md5"), line);
        // the NULL cipher needs no module: the API itself supplies it
        assertTrue(r.out().contains("SSL_RSA_WITH_NULL_SHA "), r.out());
        assertTrue(lines(r, "SSL_RSA_WITH_NULL_SHA ").get(0).contains("NULL=io.sslkit.api"), r.out());
        // nothing supplies 3DES, AES or DHE here
        assertFalse(r.out().contains("3DES"), r.out());
        assertFalse(r.out().contains("AES"), r.out());
        assertFalse(r.out().contains("DHE_DSS"), r.out());
        assertTrue(lines(r, "SSL_RSA_EXPORT_WITH_RC4_40_MD5 ").get(0).contains("RSA_EXPORT=test.rsa"), r.out());
        assertEquals(5, r.outLines().size(), "RC4 SHA/MD5, export RC4_40, NULL SHA/MD5, and nothing else: " + r.out());
    }

    @Test
    void theListShrinksWhenAModuleLeaves() {
        AlgorithmRegistry registry = Fixtures.rc4Registry();
        registry.bulkCiphers().stream().filter(c -> c.name().startsWith("RC4")).forEach(registry::remove);
        Run r = Run.of(registry, "suites", "--policy", "legacy");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("RC4"), r.out());
        assertTrue(r.out().contains("SSL_RSA_WITH_NULL_MD5"), r.out());
    }

    @Test
    void defaultPolicyRefusesRc4AndSaysSoOnStderr() {
        Run r = Run.of(Fixtures.rc4Registry(), "suites");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no cipher suite is available under policy default"), r.err());
    }

    @Test
    void verboseExplainsRefusalsAndMissingModules() {
        Run r = Run.of(Fixtures.rc4Registry(), "suites", "--verbose");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("policy default: TLSv1.2 only"), r.out());
        String rc4 = lines(r, "SSL_RSA_WITH_RC4_128_MD5").get(0);
        assertTrue(rc4.contains("RC4-class stream cipher (RFC 7465)"), rc4);
        String export = lines(r, "SSL_RSA_EXPORT_WITH_RC4_40_MD5").get(0);
        assertTrue(export.contains("0x0003"), export);
        String tripleDes = lines(r, "SSL_RSA_WITH_3DES_EDE_CBC_SHA").get(0);
        assertTrue(tripleDes.contains("missing cipher 3DES_EDE_CBC"), tripleDes);
        assertFalse(tripleDes.contains("key exchange RSA"), "RSA is present: " + tripleDes);
        String dhe = lines(r, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA").get(0);
        assertTrue(dhe.contains("missing key exchange DHE_DSS, cipher 3DES_EDE_CBC"), dhe);
    }

    @Test
    void verboseAvailableLinesCarryOpensslNameAndVersions() {
        Run r = Run.of(Fixtures.rc4Registry(), "suites", "--policy", "legacy", "-v");
        String md5 = lines(r, "SSL_RSA_WITH_RC4_128_MD5").get(0);
        assertTrue(md5.contains("RC4-MD5"), md5);
        assertTrue(md5.contains("SSLv3-TLSv1.2"), md5);
        String export = lines(r, "SSL_RSA_EXPORT_WITH_RC4_40_MD5").get(0);
        assertTrue(export.contains("SSLv3-TLSv1"), export);
        assertTrue(r.out().contains("refused by policy legacy (0):"), r.out());
    }

    @Test
    void unknownPolicyIsOneLineAndUsageStatus() {
        Run r = Run.of(Fixtures.rc4Registry(), "suites", "--policy", "lax");
        assertEquals(Commands.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("unknown policy 'lax'"), r.err());
        assertTrue(r.err().contains("default, legacy"), r.err());
        assertEquals("", r.out());
    }

    private static List<String> lines(Run r, String prefix) {
        return r.outLines().stream().filter(l -> l.strip().startsWith(prefix)).collect(Collectors.toList());
    }
}
