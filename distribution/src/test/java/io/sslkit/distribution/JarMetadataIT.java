package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The hand-written module-info and the bnd-generated manifest of every built sslkit jar say the same thing: module
 * name = Bundle-SymbolicName, (unqualified) exports = Export-Package, provides = osgi.serviceloader capabilities. The
 * manifest is read through the framework's own parser, the descriptor through {@link ModuleFinder}.
 */
class JarMetadataIT {
    /** Modules allowed to hold OSGi code: the core's registry feeder and the command's Gogo adapter. */
    private static final Set<String> MAY_USE_OSGI = Set.of("io.sslkit.handshake", "io.sslkit.cli");
    private static final byte[] OSGI_REFERENCE = "org/osgi/".getBytes(StandardCharsets.US_ASCII);

    private static EmbeddedFelix felix;

    @BeforeAll
    static void framework() throws Exception {
        felix = EmbeddedFelix.empty(EmbeddedFelix.storage("metadata"));
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void everySslkitModuleIsThere() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path jar : Distribution.sslkitJars()) {
            names.add(descriptor(jar).name());
        }
        assertTrue(names.containsAll(List.of("io.sslkit.api", "io.sslkit.handshake", "io.sslkit.cipher.rc4")),
                names::toString);
    }

    @TestFactory
    Stream<DynamicTest> moduleAndBundleAgree() throws IOException {
        return Distribution.sslkitJars().stream().map(jar -> DynamicTest.dynamicTest(
                jar.getFileName().toString(), () -> checkAgreement(jar)));
    }

    @TestFactory
    Stream<DynamicTest> onlyTheCoreHoldsOsgiCode() throws IOException {
        return Distribution.sslkitJars().stream().map(jar -> DynamicTest.dynamicTest(
                jar.getFileName().toString(), () -> {
                    String module = descriptor(jar).name();
                    List<String> referencing = classesReferencingOsgi(jar);
                    if (!MAY_USE_OSGI.contains(module)) {
                        assertEquals(List.of(), referencing, module + " must be plain Java");
                    } else {
                        // Even there, OSGi code stays in an internal package the module path never loads.
                        referencing.forEach(c -> assertTrue(c.contains("/internal/"), c + " is not internal"));
                    }
                    if (module.equals("io.sslkit.handshake")) {
                        // The registry feeder is there, and the scan sees it.
                        assertTrue(referencing.contains("io/sslkit/handshake/internal/osgi/RegistryFeeder.class"),
                                referencing::toString);
                    }
                }));
    }

    private static void checkAgreement(Path jar) throws Exception {
        ModuleDescriptor module = descriptor(jar);
        assertFalse(module.isAutomatic(), jar + " has no module-info.class");
        Bundle bundle = felix.context().installBundle(jar.toUri().toString());
        try {
            assertEquals(module.name(), bundle.getSymbolicName(), "module name vs Bundle-SymbolicName");

            BundleRevision revision = bundle.adapt(BundleRevision.class);
            Set<String> exported = new TreeSet<>();
            for (BundleCapability c : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                exported.add((String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE));
            }
            Set<String> exports = new TreeSet<>();
            module.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exports.add(e.source()));
            assertEquals(exports, exported, "module exports vs Export-Package");

            Set<String> capabilities = new TreeSet<>();
            for (BundleCapability c : revision.getDeclaredCapabilities("osgi.serviceloader")) {
                capabilities.add(c.getAttributes().get("osgi.serviceloader") + " with " + c.getDirectives().get("register"));
            }
            Set<String> provides = new TreeSet<>();
            for (ModuleDescriptor.Provides p : module.provides()) {
                p.providers().forEach(impl -> provides.add(p.service() + " with " + impl));
            }
            assertEquals(provides, capabilities, "module provides vs osgi.serviceloader capabilities");

            // The same providers are declared a third time, for the class path: META-INF/services.
            Set<String> services = new TreeSet<>();
            Distribution.declaredProviders(jar).forEach(s -> services.add(s.replace("=", " with ")));
            Set<String> sslkitProvides = new TreeSet<>(provides);
            sslkitProvides.removeIf(s -> !s.startsWith("io.sslkit.api.spi."));
            assertEquals(sslkitProvides, services, "module provides vs META-INF/services");
        } finally {
            bundle.uninstall();
        }
    }

    private static ModuleDescriptor descriptor(Path jar) {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertEquals(1, found.size(), jar + " is not exactly one module");
        return found.iterator().next().descriptor();
    }

    /** Class files whose constant pool names an org.osgi type (a type reference is stored as its internal name). */
    private static List<String> classesReferencingOsgi(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
                if (e.getName().endsWith(".class") && contains(jf.getInputStream(e).readAllBytes(), OSGI_REFERENCE)) {
                    out.add(e.getName());
                }
            }
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
