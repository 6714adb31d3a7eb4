package io.sslkit.cli.internal.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * A container started for one command (the {@code sslkit demo} launcher does that): the properties
 * {@code sslkit.exec.0}, {@code sslkit.exec.1}... hold its command line. Once the framework has reached its start
 * level, so that every bundle of bundle/ is present, the command runs on a thread of its own, and its exit status
 * becomes the JVM's; the framework's shutdown hook then stops the bundles in order.
 */
final class OneShotCommand {
    /** Must match {@code io.sslkit.cli.internal.FelixProcess.EXEC_PROPERTY_PREFIX}. */
    static final String PREFIX = "sslkit.exec.";

    private OneShotCommand() {
    }

    /** The command line the properties carry; empty in an ordinary container. */
    static List<String> commandLine(BundleContext context) {
        List<String> args = new ArrayList<>();
        for (String arg = context.getProperty(PREFIX + 0); arg != null;
             arg = context.getProperty(PREFIX + args.size())) {
            args.add(arg);
        }
        return args;
    }

    /** Runs the command once the framework has started, if the properties name one. */
    static void startIfAsked(BundleContext context, ToIntFunction<String[]> command) {
        List<String> args = commandLine(context);
        if (args.isEmpty()) {
            return;
        }
        AtomicBoolean started = new AtomicBoolean();
        Runnable run = () -> {
            if (started.compareAndSet(false, true)) {
                Thread t = new Thread(() -> System.exit(command.applyAsInt(args.toArray(new String[0]))),
                        "sslkit " + args.get(0));
                t.start();
            }
        };
        // listen first, then look: the STARTED event may come between the two
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                run.run();
            }
        };
        context.addFrameworkListener(listener);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            run.run();
        }
    }
}
