package io.sslkit.cli;

import io.sslkit.cli.internal.CliContext;
import io.sslkit.cli.internal.Commands;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code sslkit} command: {@code server}, {@code client}, {@code suites}, {@code modules}, {@code demo}. Run
 * {@code sslkit --help} or {@code sslkit <command> --help} for the flags and examples.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = run(System.in, System.out, System.err, args);
        System.out.flush();
        System.err.flush();
        // a server stops only when killed, so a normal return here means the command is over
        System.exit(status);
    }

    /**
     * Runs one command line with the given streams instead of the process's, as the Gogo shell commands and the
     * tests do.
     *
     * @return the exit status: 0 on success, 1 when the command failed, 2 for wrong arguments
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        return Commands.execute(CliContext.of(in, out, err), args);
    }
}
