package io.sslkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sslkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ServerCommand.class, ClientCommand.class, SuitesCommand.class, ModulesCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class},
        description = {"A modular SSL 3.0 / TLS 1.0-1.2 stack you can watch: every algorithm is a module, and --trace",
                "shows the ten steps of the handshake as they happen."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sslkit demo                              an SSL 3.0 handshake, step by step, inside Felix",
                "  sslkit server --port 4433                an echo server (Ctrl-C stops it)",
                "  echo hello | sslkit client localhost:4433",
                "  sslkit suites                            the suites the modules present make available now",
                "  sslkit suites --policy legacy --verbose  also SSL 3.0, RC4 and export suites, and what is missing",
                "",
                "Exit status: 0 success, 1 the command failed (the one line on stderr says why), 2 wrong arguments."})
final class SslkitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // a bare "sslkit" is a question, not a command: answer with the usage, but do not pretend it worked
        spec.commandLine().usage(spec.commandLine().getErr());
        return Commands.USAGE;
    }
}
