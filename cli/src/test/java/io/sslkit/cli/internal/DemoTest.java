package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslkit demo} without a Felix container (the tests run on the class path): the same script, with the RC4
 * module taken out of the registry instead of its bundle stopped. The distribution's tests run it inside Felix.
 */
class DemoTest {
    @TempDir
    Path home;

    /** The real modules, each under its module name as on the module path (the class path would give packages). */
    private static AlgorithmRegistry moduleRegistry() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        ClassLoader loader = DemoTest.class.getClassLoader();
        for (Class<?> spi : List.of(BulkCipher.class, Digest.class, KeyExchange.class, SignatureAlgorithm.class)) {
            for (Object provider : ServiceLoader.load(spi, loader)) {
                r.add(provider, provider.getClass().getPackageName().replace(".internal", ""));
            }
        }
        return r;
    }

    @Test
    void showsTheTenStepsThenRc4LeavingAndA3desHandshake() {
        AlgorithmRegistry registry = moduleRegistry();
        Run r = Run.of(registry, Map.of(CliContext.HOME_VARIABLE, home.toString()), InputStream.nullInputStream(),
                "demo", "--message", "hi from the test");
        assertEquals(0, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("in the JPMS module path"), out);
        for (int step = 1; step <= 10; step++) {
            assertTrue(out.contains("[client] step " + step + "/10"), "client step " + step + ":\n" + out);
        }
        assertTrue(out.contains("[server#1] step 6/10"), out);
        assertTrue(out.contains("connected to 127.0.0.1:"), out);
        assertTrue(out.contains("SSLv3 SSL_RSA_WITH_RC4_128_MD5"), out);
        assertTrue(out.contains("[client] alert received: warning close_notify"), out);
        assertTrue(out.contains("echoed back: hi from the test"), out);
        String gone = out.lines().filter(l -> l.contains("; gone: ")).findFirst().orElseThrow();
        for (String rc4 : List.of("SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_EXPORT_WITH_RC4_40_MD5",
                "SSL_FORTEZZA_KEA_WITH_RC4_128_SHA")) {
            assertTrue(gone.contains(rc4), gone);
        }
        assertFalse(gone.contains("3DES"), gone);
        assertTrue(out.contains("cipher suite SSL_RSA_WITH_RC4_128_MD5 is unavailable: no module supplies cipher "
                + "RC4_128"), out);
        assertTrue(out.contains("SSLv3 SSL_RSA_WITH_3DES_EDE_CBC_SHA"), out);
        assertTrue(out.indexOf("server#2: echoed 17 bytes; close_notify received") > out.indexOf("== 6."), out);
        assertTrue(out.endsWith("demo complete: both handshakes finished with close_notify sent and received\n"), out);
        assertTrue(registry.bulkCipher("RC4_128").isPresent(), "RC4 is back after the demo");
    }

    @Test
    void messageMustBeOneLineAndDistributionMustExist() {
        AlgorithmRegistry registry = moduleRegistry();
        Run multi = Run.of(registry, "demo", "--message", "two\nlines");
        assertEquals(Commands.USAGE, multi.status());
        assertEquals("--message must be one non-empty line", multi.err().strip());
        Run nowhere = Run.of(registry, "demo", "--distribution", home.resolve("none").toString());
        assertEquals(Commands.USAGE, nowhere.status());
        assertTrue(nowhere.err().contains("is not an sslkit distribution"), nowhere.err());
    }
}
