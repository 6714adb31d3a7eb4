package io.sslkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README against what it describes: its first code block holds the newcomer's two commands, the test command is
 * the one .ci/run runs, and its suite table is what {@code bin/sslkit suites --policy legacy} prints now, row for
 * row (regenerate the table when a module adds suites).
 */
class ReadmeIT {
    private static final String DEMO_COMMAND =
            "mvn -q -B -DskipTests install && distribution/target/sslkit/bin/sslkit demo";
    private static final String TEST_COMMAND = "mvn -B install && mvn -B -f examples/cipher-camellia/pom.xml verify "
            + "-Dsslkit.home=$PWD/distribution/target/sslkit";

    private static Path root() {
        return Path.of(System.getProperty("sslkit.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void firstCodeBlockHoldsTheTwoCommandsAndCiRunsTheSecond() throws Exception {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(readme);
        assertTrue(block.find(), "README.md has no sh code block");
        List<String> commands = block.group(1).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(List.of(DEMO_COMMAND, TEST_COMMAND), commands);

        List<String> ci = Files.readAllLines(root().resolve(".ci").resolve("run"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("mvn ")).toList();
        assertEquals(List.of(TEST_COMMAND), ci, ".ci/run must run the README's test command and no other build");
    }

    @Test
    void suiteTableIsWhatTheCommandPrints() throws Exception {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| `((?:SSL|TLS)_\\w+)` \\| (0x[0-9A-F]{4}) \\|").matcher(readme);
        StringBuilder table = new StringBuilder();
        while (row.find()) {
            table.append(row.group(1)).append(' ').append(row.group(2)).append('\n');
        }
        StringBuilder printed = new StringBuilder();
        for (String line : Launch.run(List.of(Distribution.home().resolve("bin").resolve("sslkit").toString(),
                "suites", "--policy", "legacy"), Map.of())) {
            String[] f = line.trim().split("\\s+");
            printed.append(f[0]).append(' ').append(f[1]).append('\n');
        }
        assertEquals(printed.toString(), table.toString(), "README's suite table, name and code in order");
    }
}
