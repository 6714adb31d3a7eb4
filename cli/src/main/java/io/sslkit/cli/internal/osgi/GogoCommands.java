package io.sslkit.cli.internal.osgi;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.cli.internal.BackgroundServer;
import io.sslkit.cli.internal.CliContext;
import io.sslkit.cli.internal.CliFailure;
import io.sslkit.cli.internal.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The sslkit commands in the Gogo shell: {@code sslkit:suites}, {@code sslkit:modules}, {@code sslkit:connect},
 * {@code sslkit:serve}, {@code sslkit:trace}, {@code sslkit:demo}. Each takes the command line's arguments and runs
 * the command line's code, against the registry that the OSGi services feed.
 *
 * <ul>
 *   <li>{@code sslkit:connect HOST:PORT [client options]} is {@code sslkit client}: the shell's input goes to the
 *   server.</li>
 *   <li>{@code sslkit:trace HOST:PORT [client options]} is the same with {@code --trace} and nothing sent: a
 *   handshake to watch.</li>
 *   <li>{@code sslkit:serve [server options]} starts {@code sslkit server} in the background and returns;
 *   {@code sslkit:serve stop} stops the servers started so.</li>
 * </ul>
 */
// immediate: a delayed component would be deactivated as soon as the shell releases it after each command, taking
// the servers that sslkit:serve left running with it
@Component(immediate = true, service = GogoCommands.class, property = {"osgi.command.scope=sslkit",
        "osgi.command.function=suites", "osgi.command.function=modules", "osgi.command.function=connect",
        "osgi.command.function=serve", "osgi.command.function=trace", "osgi.command.function=demo"})
public final class GogoCommands {
    private volatile AlgorithmRegistry registry;

    private BundleControl bundles;
    private final List<BackgroundServer> servers = new ArrayList<>();

    /** The registry the handshake bundle feeds from the OSGi services; the commands see what is present now. */
    @Reference
    void setRegistry(AlgorithmRegistry registry) {
        this.registry = registry;
    }

    @Activate
    void activate(BundleContext context) {
        bundles = new BundleControl(context);
        OneShotCommand.startIfAsked(context,
                args -> execute(InputStream.nullInputStream(), System.out, System.err, args));
    }

    @Deactivate
    synchronized void deactivate() {
        stopServers(System.err);
    }

    public void suites(String... args) {
        run("suites", args);
    }

    public void modules(String... args) {
        run("modules", args);
    }

    public void connect(String... args) {
        run("client", args);
    }

    public void trace(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--trace";
        System.arraycopy(args, 0, all, 1, args.length);
        execute(InputStream.nullInputStream(), System.out, System.err, prepend("client", all));
    }

    public void demo(String... args) {
        run("demo", args);
    }

    public synchronized void serve(String... args) {
        if (args.length == 1 && args[0].equals("stop")) {
            stopServers(System.out);
            return;
        }
        try {
            servers.add(BackgroundServer.start(context(InputStream.nullInputStream(), System.out, System.err), args));
        } catch (CliFailure e) {
            System.err.println(e.getMessage());
        }
    }

    /**
     * Runs {@code sslkit <args>} with these streams; the exit status is returned.
     */
    public int execute(InputStream in, PrintStream out, PrintStream err, String[] args) {
        return Commands.execute(context(in, out, err), args);
    }

    private void run(String command, String[] args) {
        // the shell gives each session its own System.in and System.out for the duration of the call
        execute(System.in, System.out, System.err, prepend(command, args));
    }

    private CliContext context(InputStream in, PrintStream out, PrintStream err) {
        AlgorithmRegistry r = registry;
        return new CliContext(in, out, err, System::getenv, () -> r, bundles);
    }

    private void stopServers(PrintStream out) {
        for (BackgroundServer s : servers) {
            try {
                s.close();
                out.println("stopped the server on " + s.address());
            } catch (IOException e) {
                out.println("server on " + s.address() + ": " + e.getMessage());
            }
        }
        servers.clear();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
