package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The record layer is built from the SPI only: its sources never name an algorithm, not even in a comment. */
class NoAlgorithmNameTest {
    private static final Pattern NAMES = Pattern.compile(
            "(?i)\\b(MD5|SHA-?\\d*|3?DES(ede)?|RC[24]|ARCFOUR|AES|SKIPJACK|Camellia|Hmac\\w+|RSA|DSA|KEA)\\b");

    @Test
    void mainSourcesNameNoAlgorithm() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the module directory");
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = NAMES.matcher(lines.get(i));
                    if (m.find()) {
                        hits.add(f + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
