package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * The provider as a JPMS module: found by ServiceLoader in a module layer built from the module's classes and the
 * sslkit, SLF4J and Bouncy Castle jars, with its implementation package closed, and able to handshake from there.
 */
class ModulePathTest {
    private static final TestPki PKI = TestPki.get();

    private static List<Path> modulePath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator)).stream().map(Path::of).filter(p -> {
            String name = p.getFileName().toString();
            return Files.isRegularFile(p.resolve("module-info.class")) && p.endsWith(Path.of("target", "classes"))
                    || name.startsWith("sslkit-") || name.startsWith("slf4j-") || name.startsWith("bcprov-")
                    || name.startsWith("bcutil-");
        }).toList();
    }

    @Test
    void providerServesFromAModuleLayer() throws Exception {
        List<Path> path = modulePath();
        assertTrue(path.stream().anyMatch(p -> p.endsWith(Path.of("target", "classes"))), path.toString());
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(ModuleFinder.of(path.toArray(Path[]::new)),
                ModuleFinder.of(), Set.of("io.sslkit.jsse"));
        // the platform loader as parent keeps the class path (where the same classes live unnamed) out of sight
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Provider provider = ServiceLoader.load(layer, Provider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getName().equals("SSLKIT")).findFirst().orElseThrow();
        Module module = provider.getClass().getModule();
        assertEquals("io.sslkit.jsse", module.getName());
        assertTrue(module.isExported("io.sslkit.jsse"));
        assertFalse(module.isExported("io.sslkit.jsse.internal"));
        assertTrue(layer.findModule("io.sslkit.cipher.aes").isPresent(), "cipher modules bound as services");

        SSLContext ctx = SSLContext.getInstance("TLS", provider);
        ctx.init(null, PKI.trustManagers(), null);
        SSLEngine client = ctx.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sunJsse(PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        new EnginePump(client, server).handshake();
        assertEquals("TLSv1.2", client.getSession().getProtocol());
        assertEquals(server.getSession().getCipherSuite(), client.getSession().getCipherSuite());
    }
}
