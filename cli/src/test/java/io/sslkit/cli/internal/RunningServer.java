package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;

/** {@code sslkit server ...} running in-process on a free port, with its output captured. */
final class RunningServer implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ServerCommand command;
    private final CompletableFuture<Integer> status;

    RunningServer(AlgorithmRegistry registry, Map<String, String> env, String... args) throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(InputStream.nullInputStream(), o, e, env::get, () -> registry);
        CommandLine cl = Commands.commandLine(context);
        String[] all = new String[args.length + 3];
        all[0] = "server";
        all[1] = "--port";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        status = CompletableFuture.supplyAsync(() -> cl.execute(all));
        command = cl.getSubcommands().get("server").getCommand();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (command.localPort() < 0) {
            if (status.isDone()) {
                throw new IllegalStateException("server ended with " + status.get() + ": " + err());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("server did not start: " + out() + err());
            }
            Thread.sleep(20);
        }
    }

    String address() {
        return "127.0.0.1:" + command.localPort();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the server has printed {@code text} (connections finish on their own threads). */
    String awaitOut(String text) throws InterruptedException {
        return await(this::out, text);
    }

    String awaitErr(String text) throws InterruptedException {
        return await(this::err, text);
    }

    private static String await(Supplier<String> printed, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!printed.get().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return printed.get();
    }

    @Override
    public void close() throws IOException {
        command.stop();
        try {
            status.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("server did not stop", e);
        }
    }
}
