package io.sslkit.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the peers' files go: certificates, DH parameters and each peer's stdout/stderr, for debugging a failure. */
final class Workspace {
    private static final Path ROOT = Path.of(System.getProperty("interop.dir", "target/interop"));

    private Workspace() {
    }

    static Path dir(String name) throws IOException {
        return Files.createDirectories(ROOT.resolve(name));
    }
}
