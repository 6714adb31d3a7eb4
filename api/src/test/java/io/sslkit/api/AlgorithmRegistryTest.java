package io.sslkit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import io.sslkit.api.spi.CipherSuiteProvider;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgorithmRegistryTest {

    @Test
    void suiteIsCompleteOnlyWhileEveryPartIsRegistered() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        FakeCipher rc4 = new FakeCipher("RC4_128");
        FakeDigest md5 = new FakeDigest("MD5");
        FakeKeyExchange rsa = new FakeKeyExchange("RSA");
        AtomicInteger changes = new AtomicInteger();
        r.addListener(x -> changes.incrementAndGet());

        r.add(md5, "m.md5");
        r.add(rsa, "m.rsa");
        assertTrue(names(r).contains("SSL_RSA_WITH_NULL_MD5"), "NULL needs no module");
        assertFalse(names(r).contains("SSL_RSA_WITH_RC4_128_MD5"));

        r.add(rc4, "m.rc4");
        assertTrue(names(r).contains("SSL_RSA_WITH_RC4_128_MD5"));
        assertEquals("m.rc4", r.origin("RC4_128").orElseThrow());

        r.remove(rc4);
        assertFalse(names(r).contains("SSL_RSA_WITH_RC4_128_MD5"));
        assertTrue(r.origin("RC4_128").isEmpty());
        assertEquals(4, changes.get());
    }

    @Test
    void contributedSuitesJoinTheTableButNeverReplaceAWellKnownCode() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        r.add(new FakeDigest("SHA"), "m.sha");
        r.add(new FakeKeyExchange("RSA"), "m.rsa");
        r.add(new FakeCipher("CAMELLIA_128_CBC"), "m.camellia");
        CipherSuite camellia = new CipherSuite(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "RSA", "CAMELLIA_128_CBC",
                "SHA", ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2, "SHA256", "CAMELLIA128-SHA");
        CipherSuite clash = new CipherSuite(0x0004, "TLS_FAKE", "RSA", "CAMELLIA_128_CBC", "SHA",
                ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2, "SHA256", null);
        CipherSuiteProvider p = () -> List.of(camellia, clash);
        r.add(p, "m.camellia");
        assertTrue(names(r).contains("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA"));
        assertFalse(names(r).contains("TLS_FAKE"));
        assertEquals("SSL_RSA_WITH_RC4_128_MD5", CipherSuites.find(r.definedSuites(), "0x0004").orElseThrow().name());
    }

    @Test
    void aBrokenProviderDoesNotHideTheOthers(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Digest.class.getName()),
                "io.sslkit.api.NoSuchDigest\n" + FakeDigest.Md5.class.getName() + "\n");
        ClassLoader loader = new java.net.URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        AlgorithmRegistry r = AlgorithmRegistry.fromServiceLoader(loader);
        assertTrue(r.digest("MD5").isPresent());
    }

    @Test
    void suiteNamesResolveInEveryForm() {
        assertEquals(0x0004, CipherSuites.byName("RC4-MD5").orElseThrow().code());
        assertEquals(0x0004, CipherSuites.byName("TLS_RSA_WITH_RC4_128_MD5").orElseThrow().code());
        assertEquals(0x0004, CipherSuites.byName("ssl_rsa_with_rc4_128_md5").orElseThrow().code());
        assertEquals(0x002F, CipherSuites.byName("0x002f").orElseThrow().code());
        assertTrue(CipherSuites.byName("RC4-MD6").isEmpty());
    }

    @Test
    void defaultPolicyRefusesLegacyAndSaysWhy() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        FakeCipher rc4 = new FakeCipher("RC4_128", BulkCipher.Type.STREAM, 128, false);
        FakeCipher aes = new FakeCipher("AES_128_CBC", BulkCipher.Type.BLOCK, 128, false);
        FakeCipher des40 = new FakeCipher("DES40_CBC", BulkCipher.Type.BLOCK, 40, true);
        CipherSuite rc4Suite = CipherSuites.byName("RC4-SHA").orElseThrow();
        CipherSuite aesSuite = CipherSuites.byName("AES128-SHA256").orElseThrow();
        CipherSuite exportSuite = CipherSuites.byName("EXP-DES-CBC-SHA").orElseThrow();
        assertTrue(Policy.DEFAULT.whyRefused(rc4Suite, rc4, r).contains("RC4"));
        assertEquals(null, Policy.DEFAULT.whyRefused(aesSuite, aes, r));
        // export suites stop at TLS 1.0, which the default policy no longer allows
        assertEquals("no version this policy allows supports it", Policy.DEFAULT.whyRefused(exportSuite, des40, r));
        CipherSuite hypotheticalTls12Export = new CipherSuite(0xFFF0, "X_EXPORT", "RSA_EXPORT", "DES40_CBC", "SHA",
                ProtocolVersion.TLS_1_2, ProtocolVersion.TLS_1_2, "SHA256", null);
        assertEquals("export-grade", Policy.DEFAULT.whyRefused(hypotheticalTls12Export, des40, r));
        assertEquals(null, Policy.LEGACY.whyRefused(exportSuite, des40, r));
        assertFalse(Policy.DEFAULT.allows(ProtocolVersion.SSL_3_0));
        assertTrue(Policy.LEGACY.allows(ProtocolVersion.SSL_3_0));
    }

    private static List<String> names(AlgorithmRegistry r) {
        List<String> out = new ArrayList<>();
        r.completeSuites().forEach(s -> out.add(s.name()));
        return out;
    }

    static final class FakeCipher implements BulkCipher {
        private final String name;
        private final Type type;
        private final int bits;
        private final boolean export;

        FakeCipher(String name) {
            this(name, Type.STREAM, 128, false);
        }

        FakeCipher(String name, Type type, int bits, boolean export) {
            this.name = name;
            this.type = type;
            this.bits = bits;
            this.export = export;
        }

        @Override public String name() { return name; }
        @Override public Type type() { return type; }
        @Override public int keyMaterialLength() { return 16; }
        @Override public int keyLength() { return 16; }
        @Override public int ivLength() { return 0; }
        @Override public int blockSize() { return 1; }
        @Override public boolean exportable() { return export; }
        @Override public int effectiveKeyBits() { return bits; }
        @Override public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) { throw new UnsupportedOperationException(); }
    }

    static class FakeDigest implements Digest {
        private final String name;

        FakeDigest(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public int length() { return 16; }
        @Override public int blockLength() { return 64; }
        @Override public int ssl3PadLength() { return 48; }
        @Override public DigestInstance newInstance() { throw new UnsupportedOperationException(); }

        public static final class Md5 extends FakeDigest {
            public Md5() {
                super("MD5");
            }
        }
    }

    static final class FakeKeyExchange implements KeyExchange {
        private final String name;

        FakeKeyExchange(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public String serverKeyAlgorithm() { return "RSA"; }
        @Override public boolean exportable() { return false; }
        @Override public Server newServer(KeyExchangeContext context) { throw new UnsupportedOperationException(); }
        @Override public Client newClient(KeyExchangeContext context) { throw new UnsupportedOperationException(); }
    }
}
