package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The JSSE provider among the distribution's bundles: SPI Fly registers it as a java.security.Provider service, an
 * SSLContext "TLS" from that service makes sslkit engines, and the suites they support follow the RC4 bundle.
 */
class JsseInFelixIT {
    private static final String RC4_BUNDLE = "io.sslkit.cipher.rc4";
    private static final String RC4_SUITE = "SSL_RSA_WITH_RC4_128_SHA";
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static EmbeddedFelix felix;

    @BeforeAll
    static void boot() throws Exception {
        felix = EmbeddedFelix.boot(EmbeddedFelix.storage("jsse"), EmbeddedFelix.storage("jsse-load"));
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void theProviderServiceMakesEnginesWhoseSuitesFollowTheRc4Bundle() throws Exception {
        Provider provider = (Provider) felix.awaitService(Provider.class.getName());
        assertEquals("SSLKIT", provider.getName());
        SSLContext context = SSLContext.getInstance("TLS", provider);
        context.init(null, null, null);
        assertEquals("io.sslkit.jsse", FrameworkUtil.getBundle(provider.getClass()).getSymbolicName(),
                "the provider service comes from another bundle");
        assertTrue(supported(context).contains(RC4_SUITE), supported(context)::toString);

        Bundle rc4 = felix.bundle(RC4_BUNDLE);
        assertNotNull(rc4, RC4_BUNDLE + " is not installed");
        rc4.stop();
        awaitSuites(context, false);
        assertTrue(supported(context).contains("TLS_RSA_WITH_AES_128_CBC_SHA"), "more than RC4 left: "
                + supported(context));
        rc4.start();
        awaitSuites(context, true);
    }

    /** Every engine asks the registry anew, so a new one shows the present bundles. */
    private static List<String> supported(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        return Arrays.asList(engine.getSupportedCipherSuites());
    }

    private static void awaitSuites(SSLContext context, boolean withRc4) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (supported(context).contains(RC4_SUITE) != withRc4) {
            if (System.nanoTime() > end) {
                throw new AssertionError("RC4 suites " + (withRc4 ? "did not come back" : "did not leave") + ": "
                        + supported(context));
            }
            Thread.sleep(50);
        }
    }
}
