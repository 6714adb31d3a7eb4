package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One command line run in-process, with its exit status and what it printed. */
record Run(int status, String out, String err) {

    static Run of(AlgorithmRegistry registry, String... args) {
        return of(registry, Map.of(), new ByteArrayInputStream(new byte[0]), args);
    }

    static Run of(AlgorithmRegistry registry, Map<String, String> env, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext c = new CliContext(in, o, e, env::get, () -> registry);
        int status = Commands.execute(c, args);
        o.flush();
        e.flush();
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }
}
