package io.sslkit.examples.camellia.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs on the packaged jar (failsafe, after bnd has written the manifest): it must be a JPMS module and an OSGi
 * bundle that say the same thing, and sslkit must find it on a real module path, the way `sslkit` does with
 * SSLKIT_MODULE_PATH.
 */
class CamelliaModuleJarIT {
    private static final String BULK_CIPHER = "io.sslkit.api.spi.BulkCipher";
    private static final String SUITE_PROVIDER = "io.sslkit.api.spi.CipherSuiteProvider";
    private static final Set<String> CAMELLIA_RSA_SUITES =
            Set.of("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
    private static final Pattern SERVICELOADER_CAPABILITY =
            Pattern.compile("osgi\\.serviceloader;osgi\\.serviceloader=\"([^\"]+)\";register:=\"([^\"]+)\"");

    private static Path jar;
    private static String moduleName;

    @BeforeAll
    static void locateJar() {
        jar = Path.of(System.getProperty("camellia.jar"));
        moduleName = System.getProperty("camellia.module");
        assertTrue(Files.isRegularFile(jar), "packaged jar missing: " + jar);
    }

    private static ModuleDescriptor descriptor() {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertEquals(1, found.size());
        return found.iterator().next().descriptor();
    }

    /** service interface -> implementation classes, as the module descriptor declares them */
    private static Map<String, Set<String>> declaredProvides() {
        Map<String, Set<String>> out = new HashMap<>();
        for (ModuleDescriptor.Provides p : descriptor().provides()) {
            out.put(p.service(), new TreeSet<>(p.providers()));
        }
        return out;
    }

    @Test
    void isAnExplicitModuleThatExportsNothing() {
        ModuleDescriptor d = descriptor();
        assertEquals(moduleName, d.name());
        assertFalse(d.isAutomatic());
        assertTrue(d.exports().isEmpty(), "a plugin exports nothing: " + d.exports());
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("io.sslkit.api", "org.bouncycastle.provider")), requires.toString());
        assertEquals(Map.of(
                BULK_CIPHER, Set.of(Camellia128Cbc.class.getName(), Camellia256Cbc.class.getName()),
                SUITE_PROVIDER, Set.of(CamelliaSuites.class.getName())), declaredProvides());
    }

    @Test
    void bundleManifestAgreesWithTheModuleDescriptor() throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Attributes main = jf.getManifest().getMainAttributes();
            assertEquals(moduleName, main.getValue("Bundle-SymbolicName"));
            assertNull(main.getValue("Export-Package"), "the bundle must export nothing");
            assertNull(main.getValue("Bundle-Activator"), "no OSGi code in a plugin");

            Map<String, Set<String>> capabilities = new HashMap<>();
            Matcher m = SERVICELOADER_CAPABILITY.matcher(main.getValue("Provide-Capability"));
            while (m.find()) {
                capabilities.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
            assertEquals(declaredProvides(), capabilities, "osgi.serviceloader capabilities = module provides");

            Map<String, Set<String>> serviceFiles = new HashMap<>();
            for (String service : List.of(BULK_CIPHER, SUITE_PROVIDER)) {
                try (InputStream in = jf.getInputStream(jf.getEntry("META-INF/services/" + service))) {
                    serviceFiles.put(service, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }
            assertEquals(declaredProvides(), serviceFiles, "META-INF/services = module provides");
        }
    }

    @Test
    void sslkitFindsTheSuitesOnTheModulePath() throws Exception {
        Set<String> complete = completeSuitesOnModulePath(true);
        assertTrue(complete.containsAll(CAMELLIA_RSA_SUITES), complete.toString());
        assertTrue(complete.contains("SSL_RSA_WITH_NULL_SHA"), complete.toString());
    }

    @Test
    void withoutTheJarTheModulePathHasNoCamelliaSuite() throws Exception {
        Set<String> complete = completeSuitesOnModulePath(false);
        assertTrue(complete.contains("SSL_RSA_WITH_NULL_SHA"), "RSA and SHA-1 still found: " + complete);
        assertTrue(complete.stream().noneMatch(n -> n.contains("CAMELLIA")), complete.toString());
    }

    /**
     * Builds a module layer from real jars (sslkit's api, RSA and SHA-1 modules, Bouncy Castle, SLF4J and its simple
     * binding and, when asked, this example), with its own class loader, and asks that layer's registry for the
     * complete suites. The test's class path plays no part: the layer's parent loader is the platform loader.
     */
    private static Set<String> completeSuitesOnModulePath(boolean withCamellia) throws Exception {
        List<Path> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith("sslkit-api-") || file.startsWith("sslkit-ciphers-rsa-")
                    || file.startsWith("sslkit-ciphers-sha1-") || file.startsWith("bcprov-jdk18on-")
                    || file.startsWith("slf4j-api-") || file.startsWith("slf4j-simple-")) {
                modulePath.add(Path.of(entry));
            }
        }
        assertEquals(6, modulePath.size(), "dependency jars on the test class path: " + modulePath);
        Set<String> roots = new HashSet<>(Set.of("io.sslkit.api", "io.sslkit.cipher.rsa", "io.sslkit.cipher.sha1"));
        if (withCamellia) {
            modulePath.add(jar);
            roots.add(moduleName);
        }
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

        // the layer has its own copy of the api classes, so they are reached reflectively
        Class<?> registryClass = layer.findLoader("io.sslkit.api").loadClass("io.sslkit.api.AlgorithmRegistry");
        Object registry = registryClass.getMethod("fromModuleLayer", ModuleLayer.class).invoke(null, layer);
        if (withCamellia) {
            Object origin = registryClass.getMethod("origin", String.class).invoke(registry, "CAMELLIA_128_CBC");
            assertEquals(java.util.Optional.of(moduleName), origin);
        }
        List<?> complete = (List<?>) registryClass.getMethod("completeSuites").invoke(registry);
        return complete.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}
