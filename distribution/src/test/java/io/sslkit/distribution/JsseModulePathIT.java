package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSSE provider as an application on the module path meets it: a module of its own that only {@code uses
 * java.security.Provider}, run with the distribution's lib/ on the module path, finds the provider named SSLKIT
 * through ServiceLoader (service binding resolves io.sslkit.jsse and, through the handshake's own {@code uses}, the
 * algorithm modules), and gets from it an initialised SSLContext "TLS" whose engines offer the suites of lib/.
 */
class JsseModulePathIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    private static final String MODULE_INFO = """
            module sslkit.jsse.probe {
                uses java.security.Provider;
            }
            """;

    /** Prints what the test checks, one fact a line; a missing provider is exit status 2. */
    private static final String PROBE = """
            package probe;

            import java.security.Provider;
            import java.util.ServiceLoader;
            import javax.net.ssl.SSLContext;
            import javax.net.ssl.SSLEngine;

            public final class Probe {
                public static void main(String[] args) throws Exception {
                    for (Provider p : ServiceLoader.load(Provider.class)) {
                        if (!p.getName().equals("SSLKIT")) {
                            continue;
                        }
                        SSLContext context = SSLContext.getInstance("TLS", p);
                        context.init(null, null, null);
                        SSLEngine engine = context.createSSLEngine("localhost", 443);
                        engine.setUseClientMode(true);
                        System.out.println("provider " + context.getProvider().getName() + " in module "
                                + p.getClass().getModule().getName());
                        System.out.println("protocol " + context.getProtocol());
                        System.out.println("engine module " + engine.getClass().getModule().getName());
                        System.out.println("packet buffer " + engine.getSession().getPacketBufferSize());
                        for (String suite : engine.getSupportedCipherSuites()) {
                            System.out.println("suite " + suite);
                        }
                        return;
                    }
                    System.out.println("no provider named SSLKIT");
                    System.exit(2);
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void sslContextTlsComesFromTheSslkitProviderThroughServiceLoader() throws Exception {
        Path probe = compileProbe();
        String modulePath = Distribution.lib() + java.io.File.pathSeparator + probe;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (ChildProcess run = ChildProcess.start(
                List.of(java, "--module-path", modulePath, "-m", "sslkit.jsse.probe/probe.Probe"), Map.of())) {
            run.send("");
            assertEquals(0, run.waitFor(RUN), run.transcript());
            List<String> out = run.stdout().lines().toList();
            assertTrue(out.contains("provider SSLKIT in module io.sslkit.jsse"), run.transcript());
            assertTrue(out.contains("protocol TLS"), run.transcript());
            assertTrue(out.contains("engine module io.sslkit.jsse"), "an engine of another provider:\n"
                    + run.transcript());
            // suites that the algorithm modules of lib/ complete: AES (TLS 1.x) and RC4 (SSL 3.0)
            assertTrue(out.contains("suite TLS_RSA_WITH_AES_128_CBC_SHA"), run.transcript());
            assertTrue(out.contains("suite SSL_RSA_WITH_RC4_128_SHA"), run.transcript());
            int packet = Integer.parseInt(out.stream().filter(l -> l.startsWith("packet buffer ")).findFirst()
                    .orElseThrow(() -> new AssertionError(run.transcript())).substring("packet buffer ".length()));
            // a TLSCiphertext: 5-byte header, at most 2^14 + 2048 bytes of fragment
            assertTrue(packet >= 5 + 16384 && packet <= 5 + 16384 + 2048, "packet buffer size " + packet);
        }
    }

    /** Compiles the probe module into its own folder with the JDK the tests run on. */
    private Path compileProbe() throws IOException {
        Path src = work.resolve("src");
        Files.createDirectories(src.resolve("probe"));
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("probe").resolve("Probe.java"), PROBE);
        Path classes = work.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "the tests run on a JRE without javac");
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", "17", "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.resolve("module-info.java"),
                        src.resolve("probe").resolve("Probe.java"))).call();
        assertTrue(ok, "the probe did not compile:\n" + diagnostics);
        return classes;
    }
}
