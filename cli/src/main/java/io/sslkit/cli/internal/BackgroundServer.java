package io.sslkit.cli.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * {@code sslkit server ...} on a thread of its own, for the callers that must go on while it serves: the Gogo
 * shell's {@code sslkit:serve} and the demo. It is the very command of the command line, parsed the same way.
 */
public final class BackgroundServer implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final ServerCommand command;
    private final CompletableFuture<Integer> status;

    private BackgroundServer(ServerCommand command, CompletableFuture<Integer> status) {
        this.command = command;
        this.status = status;
    }

    /**
     * Parses and starts {@code sslkit server <args>}; returns once it listens, or throws {@link CliFailure} with
     * the one line the command printed when it could not start.
     */
    public static BackgroundServer start(CliContext context, String... args) {
        CommandLine cl = Commands.commandLine(context);
        String[] all = new String[args.length + 1];
        all[0] = "server";
        System.arraycopy(args, 0, all, 1, args.length);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread t = new Thread(() -> status.complete(cl.execute(all)), "sslkit-server");
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
            CommandLine sub = cl.getSubcommands().get("server");
            ServerCommand command = sub.getCommand();
            if (command.localPort() > 0) {
                return new BackgroundServer(command, status);
            }
            if (status.isDone()) {
                throw new CliFailure("the server did not start (exit status " + status.join() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new CliFailure("the server did not start within " + START_TIMEOUT_SECONDS + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure("interrupted while the server started");
            }
        }
    }

    public int port() {
        return command.localPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Stops accepting; connections in progress finish on their own threads. */
    @Override
    public void close() throws IOException {
        command.stop();
        try {
            status.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the server did not stop", e);
        }
    }
}
