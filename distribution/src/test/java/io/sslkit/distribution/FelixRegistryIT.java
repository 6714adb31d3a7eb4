package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;

/**
 * The real bundles in a real Felix: SPI Fly turns each plugin's service files into OSGi services, the handshake
 * bundle's DS component feeds them to the AlgorithmRegistry, and the registry follows the RC4 bundle as it is
 * stopped, started and uninstalled. The steps build on each other, hence the fixed order and one framework.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FelixRegistryIT {
    private static final String RC4_BUNDLE = "io.sslkit.cipher.rc4";
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static EmbeddedFelix felix;
    private static RegistryView registry;
    private static Map<String, String> allComplete;

    @BeforeAll
    static void boot() throws Exception {
        Path load = EmbeddedFelix.storage("load");
        felix = EmbeddedFelix.boot(EmbeddedFelix.storage("registry"), load);
        registry = new RegistryView(felix.awaitService(RegistryView.SERVICE));
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    @Order(1)
    void everyBundleIsActive() {
        for (Bundle b : felix.context().getBundles()) {
            if (b.getHeaders().get("Fragment-Host") == null) {
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
            }
        }
    }

    @Test
    @Order(2)
    void everyDeclaredProviderReachesTheRegistry() throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        for (Path jar : Distribution.sslkitJars()) {
            int providers = Distribution.declaredProviders(jar).size();
            if (providers > 0) {
                expected.put(symbolicName(jar), providers);
            }
        }
        assertTrue(expected.containsKey(RC4_BUNDLE), "the RC4 jar declares no provider: " + expected);
        awaitTrue(() -> counts(registry.modules()).equals(expected),
                () -> "registry modules " + registry.modules() + " differ from the declared providers " + expected);
    }

    @Test
    @Order(3)
    void rc4SuitesAreCompleteWhileTheBundleRuns() {
        assertTrue(registry.bulkCipherNames().containsAll(List.of("RC4_128", "RC4_40")), registry.bulkCipherNames()::toString);
        allComplete = registry.completeSuites();
        assertFalse(rc4(allComplete).isEmpty(),
                () -> "no complete RC4 suite: the key exchange and digest modules it needs are missing; complete: "
                        + allComplete.keySet() + "; modules: " + registry.modules().keySet());
    }

    @Test
    @Order(4)
    void stoppingTheRc4BundleRemovesEveryRc4Suite() throws Exception {
        Bundle rc4 = felix.bundle(RC4_BUNDLE);
        assertNotNull(rc4, RC4_BUNDLE + " is not installed");
        rc4.stop();
        awaitTrue(() -> registry.completeSuites().equals(withoutRc4(allComplete)),
                () -> "after stopping RC4: " + registry.completeSuites().keySet());
        assertTrue(registry.bulkCipherNames().stream().noneMatch(n -> n.startsWith("RC4")),
                registry.bulkCipherNames()::toString);
        assertFalse(registry.modules().containsKey(RC4_BUNDLE));
    }

    @Test
    @Order(5)
    void startingItAgainBringsThemBack() throws Exception {
        felix.bundle(RC4_BUNDLE).start();
        awaitTrue(() -> registry.completeSuites().equals(allComplete),
                () -> "after restarting RC4: " + registry.completeSuites().keySet());
    }

    @Test
    @Order(6)
    void uninstallingRemovesThemForGood() throws Exception {
        felix.bundle(RC4_BUNDLE).uninstall();
        felix.refresh();
        assertNull(felix.bundle(RC4_BUNDLE));
        awaitTrue(() -> registry.completeSuites().equals(withoutRc4(allComplete)),
                () -> "after uninstalling RC4: " + registry.completeSuites().keySet());
        // The registry is the same service throughout: the component was never restarted.
        assertEquals(registry.completeSuites(), new RegistryView(felix.awaitService(RegistryView.SERVICE)).completeSuites());
    }

    private static Map<String, String> rc4(Map<String, String> suites) {
        Map<String, String> out = new LinkedHashMap<>(suites);
        out.values().removeIf(cipher -> !cipher.startsWith("RC4"));
        return out;
    }

    private static Map<String, String> withoutRc4(Map<String, String> suites) {
        Map<String, String> out = new LinkedHashMap<>(suites);
        out.values().removeIf(cipher -> cipher.startsWith("RC4"));
        return out;
    }

    private static Map<String, Integer> counts(Map<String, List<String>> modules) {
        Map<String, Integer> out = new TreeMap<>();
        modules.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    private static String symbolicName(Path jar) throws Exception {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String bsn = jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn.split(";")[0].trim();
        }
    }

    /** SCR and SPI Fly react to bundle events on their own threads in some paths; give them a moment. */
    private static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(message.get());
            }
            Thread.sleep(50);
        }
    }
}
