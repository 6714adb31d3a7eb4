package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The third way to run it: sslkit.jar with {@code java -jar}, everything on one class path, found through the merged
 * META-INF/services files. It offers the same suites as the module path.
 */
class RunnableJarIT {
    @Test
    void listsTheSameSuitesAsTheModulePath() throws Exception {
        Path jar = Distribution.home().resolve("sslkit.jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> classPath = Launch.run(List.of(java, "-jar", jar.toString(), "suites", "--policy", "legacy"), Map.of());
        List<String> modulePath = Launch.run(List.of(Distribution.home().resolve("bin").resolve("sslkit").toString(),
                "suites", "--policy", "legacy"), Map.of());
        // Name and code of each suite; the supplier column names modules there and packages here.
        assertEquals(nameAndCode(modulePath), nameAndCode(classPath));
        assertTrue(classPath.stream().anyMatch(l -> l.contains(" RC4_128=")), classPath::toString);
    }

    private static List<String> nameAndCode(List<String> lines) {
        return lines.stream().map(l -> {
            String[] f = l.trim().split("\\s+");
            return f[0] + " " + f[1];
        }).toList();
    }
}
