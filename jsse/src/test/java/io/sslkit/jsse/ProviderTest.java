package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import java.security.KeyManagementException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The provider's registration, its contexts' defaults, and suites that follow the registry. */
class ProviderTest {
    private static final TestPki PKI = TestPki.get();

    @Test
    void registersEveryContextAlgorithm() {
        Provider p = new SslkitProvider();
        assertEquals("SSLKIT", p.getName());
        for (String a : List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLS", "Default")) {
            assertEquals("SSLContext", p.getService("SSLContext", a).getType(), a);
        }
    }

    @Test
    void isFoundByServiceLoaderAndThroughSecurity() throws Exception {
        assertTrue(ServiceLoader.load(Provider.class).stream().anyMatch(x -> x.type() == SslkitProvider.class));
        Security.addProvider(new SslkitProvider());
        try {
            SSLContext c = SSLContext.getInstance("TLSv1.2", "SSLKIT");
            assertEquals("SSLKIT", c.getProvider().getName());
            c.init(null, PKI.trustManagers(), null);
            assertEquals("TLSv1.2", c.getProtocol());
        } finally {
            Security.removeProvider("SSLKIT");
        }
    }

    @Test
    void defaultContextNeedsNoInitAndRefusesOne() throws Exception {
        SSLContext c = SSLContext.getInstance("Default", new SslkitProvider());
        SSLEngine e = c.createSSLEngine();
        assertArrayEquals(new String[] {"TLSv1.2"}, e.getEnabledProtocols());
        assertThrows(KeyManagementException.class, () -> c.init(null, null, null));
    }

    @Test
    void uninitialisedContextMakesNoEngine() throws Exception {
        SSLContext c = SSLContext.getInstance("TLS", new SslkitProvider());
        assertThrows(IllegalStateException.class, c::createSSLEngine);
    }

    @Test
    void eachContextNameEnablesItsVersions() throws Exception {
        assertArrayEquals(new String[] {"TLSv1.2"}, PKI.sslkit("TLS", null).getDefaultSSLParameters().getProtocols());
        assertArrayEquals(new String[] {"TLSv1"}, PKI.sslkit("TLSv1", null).getDefaultSSLParameters().getProtocols());
        assertArrayEquals(new String[] {"TLSv1", "TLSv1.1"},
                PKI.sslkit("TLSv1.1", null).getDefaultSSLParameters().getProtocols());
        assertArrayEquals(new String[] {"SSLv3"}, PKI.sslkit("SSLv3", null).getDefaultSSLParameters().getProtocols());
        assertArrayEquals(new String[] {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"},
                PKI.sslkit("TLS", null).getSupportedSSLParameters().getProtocols());
    }

    @Test
    void defaultSuitesFollowTheDefaultPolicy() throws Exception {
        List<String> enabled = List.of(PKI.sslkit("TLS", null).getDefaultSSLParameters().getCipherSuites());
        assertTrue(enabled.contains("TLS_RSA_WITH_AES_128_CBC_SHA256"), enabled.toString());
        assertTrue(enabled.stream().noneMatch(s -> s.contains("RC4") || s.contains("NULL") || s.contains("EXPORT")),
                enabled.toString());
        List<String> supported = List.of(PKI.sslkit("TLS", null).getSupportedSSLParameters().getCipherSuites());
        assertTrue(supported.contains("SSL_RSA_WITH_RC4_128_MD5"), supported.toString());
    }

    @Test
    void setEnabledCipherSuitesChecksNames() throws Exception {
        SSLEngine e = PKI.sslkit("TLS", null).createSSLEngine();
        assertThrows(IllegalArgumentException.class, () -> e.setEnabledCipherSuites(new String[] {"TLS_NOPE"}));
        assertThrows(IllegalArgumentException.class, () -> e.setEnabledProtocols(new String[] {"TLSv1.3"}));
        e.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"});
        assertArrayEquals(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA"}, e.getEnabledCipherSuites());
    }

    @Test
    void supportedSuitesFollowTheRegistryNow() throws Exception {
        AlgorithmRegistry registry = AlgorithmRegistry.getDefault();
        List<BulkCipher> rc4 = registry.bulkCiphers().stream().filter(c -> c.name().startsWith("RC4")).toList();
        assertFalse(rc4.isEmpty(), "the RC4 module is on the test class path");
        SSLContext ctx = PKI.sslkit("TLS", null);
        SSLEngine engine = ctx.createSSLEngine();
        engine.setEnabledCipherSuites(new String[] {"SSL_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"});
        assertTrue(hasRc4(engine.getSupportedCipherSuites()));
        try {
            rc4.forEach(registry::remove);
            assertFalse(hasRc4(engine.getSupportedCipherSuites()));
            assertFalse(hasRc4(ctx.getSocketFactory().getSupportedCipherSuites()));
            assertFalse(hasRc4(ctx.getSupportedSSLParameters().getCipherSuites()));
            assertArrayEquals(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA"}, engine.getEnabledCipherSuites());
            assertThrows(IllegalArgumentException.class,
                    () -> engine.setEnabledCipherSuites(new String[] {"SSL_RSA_WITH_RC4_128_SHA"}));
        } finally {
            rc4.forEach(c -> registry.add(c, "io.sslkit.cipher.rc4"));
        }
        assertTrue(hasRc4(engine.getSupportedCipherSuites()));
        assertEquals(2, engine.getEnabledCipherSuites().length);
    }

    private static boolean hasRc4(String[] suites) {
        return Arrays.stream(suites).anyMatch(s -> s.contains("RC4"));
    }

    @Test
    void theSameProviderClassServesEveryContext() throws Exception {
        Provider p = new SslkitProvider();
        assertSame(p, SSLContext.getInstance("TLS", p).getProvider());
    }
}
