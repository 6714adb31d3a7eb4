package io.sslkit.handshake.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The committed seed inputs of Jazzer targets. Tests only. */
public final class Corpus {
    private Corpus() {
    }

    /**
     * The generated seeds ({@code seed-*}, not the crash inputs kept beside them) of each target method, as (method,
     * file name) arguments, sorted.
     *
     * @param inputs the target class's {@code <Class>Inputs} folder, which holds a folder per method
     */
    public static Stream<Arguments> seeds(Path inputs, List<String> methods) throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String method : methods) {
            try (Stream<Path> files = Files.list(inputs.resolve(method))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("seed-")).sorted()
                        .forEach(n -> out.add(Arguments.of(method, n)));
            }
        }
        return out.stream();
    }
}
