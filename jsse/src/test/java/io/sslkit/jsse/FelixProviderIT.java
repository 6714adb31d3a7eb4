package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The jsse bundle in a real Felix: SPI Fly registers its java.security.Provider as an OSGi service, an SSLContext
 * from that service handshakes with SunJSSE, and the suites it offers follow the cipher bundles as they stop and
 * start.
 */
class FelixProviderIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final TestPki PKI = TestPki.get();
    private static Framework framework;

    @BeforeAll
    static void boot() throws Exception {
        Path bundles = Path.of(System.getProperty("sslkit.felix.bundles"));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, bundles.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1");
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        install(ctx, jars(bundles.resolve("boot")), 1);
        List<Path> rest = new ArrayList<>(jars(bundles.resolve("bundle")));
        rest.add(Path.of(System.getProperty("sslkit.jsse.bundle")));
        install(ctx, rest, 2);
        framework.start();
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(2, e -> {
            if (e.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        assertTrue(reached.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "start level 2 reached");
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(TIMEOUT.toMillis());
        }
    }

    private static List<Path> jars(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Start levels as in the distribution: the extender and SLF4J first, so that nothing settles on no logger. */
    private static void install(BundleContext ctx, List<Path> jars, int level) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            Bundle b = ctx.installBundle(jar.toUri().toString());
            b.adapt(BundleStartLevel.class).setStartLevel(level);
            installed.add(b);
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    private static Provider provider() throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            ServiceReference<?> ref = framework.getBundleContext().getServiceReference(Provider.class.getName());
            if (ref != null) {
                assertEquals("io.sslkit.jsse", ref.getBundle().getSymbolicName());
                return (Provider) framework.getBundleContext().getService(ref);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no java.security.Provider service within " + TIMEOUT);
    }

    private static Bundle bundle(String name) {
        return Arrays.stream(framework.getBundleContext().getBundles())
                .filter(b -> name.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void providerServiceHandshakesAndFollowsTheCipherBundles() throws Exception {
        Provider provider = provider();
        assertEquals("SSLKIT", provider.getName());
        SSLContext ctx = SSLContext.getInstance("TLS", provider);
        ctx.init(null, PKI.trustManagers(), null);
        await(() -> rc4(ctx), "RC4 suites are supported while the RC4 bundle runs");

        SSLEngine client = ctx.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sunJsse(PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        new EnginePump(client, server).handshake();
        assertEquals("TLSv1.2", client.getSession().getProtocol());

        Bundle rc4 = bundle("io.sslkit.cipher.rc4");
        rc4.stop();
        await(() -> !rc4(ctx), "RC4 suites leave with the RC4 bundle");
        assertFalse(Arrays.stream(ctx.createSSLEngine().getSupportedCipherSuites()).anyMatch(s -> s.contains("RC4")));
        rc4.start();
        await(() -> rc4(ctx), "RC4 suites return with the RC4 bundle");
    }

    private static boolean rc4(SSLContext ctx) {
        return Arrays.stream(ctx.getSupportedSSLParameters().getCipherSuites()).anyMatch(s -> s.contains("RC4"));
    }
}
