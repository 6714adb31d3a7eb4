package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other world: the built jars on a JPMS module path, fed by ServiceLoader alone, through the real launcher
 * bin/sslkit and its {@code suites} command. The RC4 suites are listed with the RC4 jar in lib/, gone from a copy of
 * the distribution without it, and back when SSLKIT_MODULE_PATH names the jar.
 */
class ModulePathIT {
    private static final String RC4_JAR_PREFIX = "sslkit-ciphers-rc4-";
    private static Path withoutRc4;
    private static Path rc4Jar;

    @BeforeAll
    static void copyWithoutRc4() throws IOException {
        withoutRc4 = Distribution.home().getParent().resolve("sslkit-without-rc4");
        Path lib = withoutRc4.resolve("lib");
        Path bin = withoutRc4.resolve("bin");
        Files.createDirectories(lib);
        Files.createDirectories(bin);
        for (Path old : Distribution.jars(lib)) {
            Files.delete(old);
        }
        Path launcher = Distribution.home().resolve("bin").resolve("sslkit");
        Files.copy(launcher, bin.resolve("sslkit"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        for (Path jar : Distribution.libJars()) {
            if (jar.getFileName().toString().startsWith(RC4_JAR_PREFIX)) {
                rc4Jar = jar;
            } else {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        assertTrue(rc4Jar != null, "no RC4 jar in " + Distribution.lib());
    }

    @Test
    void rc4SuitesAreListedWithTheRc4Jar() throws Exception {
        List<String> out = suites(Distribution.home(), Map.of());
        List<String> rc4 = rc4Suites(out);
        assertFalse(rc4.isEmpty(), () -> "no RC4 suite listed: " + out);
        for (String line : rc4) {
            assertTrue(line.matches(".* RC4_(128|40)=io\\.sslkit\\.cipher\\.rc4( .*|$)"), line);
        }
    }

    @Test
    void rc4SuitesAreAbsentWithoutIt() throws Exception {
        List<String> full = suites(Distribution.home(), Map.of());
        List<String> without = suites(withoutRc4, Map.of());
        assertFalse(rc4Suites(full).isEmpty(), full::toString);
        assertEquals(List.of(), rc4Suites(without));
        // Only the RC4 suites left; every other line is unchanged.
        assertEquals(full.stream().filter(l -> !isRc4Suite(l)).toList(), without);
    }

    @Test
    void aModuleNamedInSslkitModulePathJoins() throws Exception {
        List<String> full = suites(Distribution.home(), Map.of());
        List<String> joined = suites(withoutRc4, Map.of("SSLKIT_MODULE_PATH", rc4Jar.toString()));
        assertEquals(full, joined);
    }

    private static List<String> rc4Suites(List<String> lines) {
        return lines.stream().filter(ModulePathIT::isRc4Suite).toList();
    }

    /** A suite line ("NAME  0xCODE  KX=module CIPHER=module MAC=module") whose cipher is one of RC4's. */
    private static boolean isRc4Suite(String line) {
        return line.contains(" RC4_128=") || line.contains(" RC4_40=");
    }

    private static List<String> suites(Path home, Map<String, String> env) throws IOException, InterruptedException {
        return Launch.run(List.of(home.resolve("bin").resolve("sslkit").toString(), "suites", "--policy", "legacy"), env);
    }
}
