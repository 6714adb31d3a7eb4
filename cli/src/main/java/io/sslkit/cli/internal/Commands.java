package io.sslkit.cli.internal;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds the picocli command tree and runs one command line against a {@link CliContext}. */
public final class Commands {
    /** Exit status for a command that ran and failed (handshake failure, unreadable file...). */
    public static final int FAILED = 1;
    /** Exit status for a command line that is wrong. */
    public static final int USAGE = 2;

    /** Wide enough that the examples in the help stay on one line each. */
    private static final int HELP_WIDTH = 110;

    private Commands() {
    }

    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(SslkitCommand.class, new ContextFactory(context));
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            String path = commandPath(failed);
            // one line the user can act on: what is wrong, and where the help is
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                suggestion = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            context.err().println(path + ": " + ex.getMessage() + suggestion + " (see '" + path + " --help')");
            context.err().flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            context.err().println(Failures.oneLine(ex));
            context.err().flush();
            return ex instanceof CliFailure f && f.usage() ? USAGE : FAILED;
        });
        return cl;
    }

    static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null; c = c.getParent()) {
            sb.insert(0, sb.length() == 0 ? c.getCommandName() : c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** Gives every command that wants one the context through its constructor. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return fallback.create(cls);
        }
    }
}
