package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built jar says the same as a JPMS module and as an OSGi bundle: name, exported packages, provided services. */
class BundleMetadataIT {
    @Test
    void moduleDescriptorAndManifestAgree() throws Exception {
        Path jar = Path.of(System.getProperty("sslkit.jsse.bundle"));
        ModuleDescriptor module = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
        Attributes manifest;
        try (JarFile jf = new JarFile(jar.toFile())) {
            manifest = jf.getManifest().getMainAttributes();
        }
        assertEquals(module.name(), manifest.getValue("Bundle-SymbolicName").split(";")[0].trim());

        Set<String> exports = new TreeSet<>();
        module.exports().forEach(e -> exports.add(e.source()));
        Set<String> exported = new TreeSet<>();
        for (String clause : manifest.getValue("Export-Package").split(",(?=[a-z])")) {
            exported.add(clause.split(";")[0].trim());
        }
        assertEquals(exports, exported);

        Set<String> provides = new TreeSet<>();
        module.provides().forEach(p -> p.providers().forEach(impl -> provides.add(p.service() + "=" + impl)));
        Set<String> capabilities = new TreeSet<>();
        Matcher m = Pattern.compile("osgi\\.serviceloader=\"([^\"]+)\";register:=\"([^\"]+)\"")
                .matcher(manifest.getValue("Provide-Capability"));
        while (m.find()) {
            capabilities.add(m.group(1) + "=" + m.group(2));
        }
        assertEquals(provides, capabilities);
        assertTrue(provides.contains("java.security.Provider=io.sslkit.jsse.SslkitProvider"), provides.toString());
    }
}
