package io.sslkit.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Watch an SSL 3.0 handshake with client authentication, then a cipher module leave, inside Felix.",
        description = {
                "Starts the Felix container of the distribution (bundle/ beside lib/) as bin/sslkit-felix does; inside it:",
                "starts a server that requires a client certificate, runs a client that sends one message over",
                "SSL 3.0 with SSL_RSA_WITH_RC4_128_MD5 while --trace prints the ten steps of the handshake, and",
                "closes with close_notify; then stops the RC4 bundle, shows the suite list shrink, and handshakes",
                "again on SSL_RSA_WITH_3DES_EDE_CBC_SHA. Exits 0 when all of that happened as shown.",
                "Without a Felix distribution it runs on the module path and takes RC4 out of the registry instead.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sslkit demo",
                "  sslkit demo --message 'hi there'",
                "  sslkit demo --distribution distribution/target/sslkit   use the container in that folder",
                "",
                "Certificates are made on first use and kept in $SSLKIT_HOME/credentials (default ~/.sslkit/credentials)."})
final class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--message", paramLabel = "TEXT", defaultValue = "hello from the sslkit demo",
            description = "What the client sends. Default: ${DEFAULT-VALUE}.")
    String message;

    @Option(names = "--distribution", paramLabel = "FOLDER",
            description = "The sslkit distribution to boot Felix from (holds bundle/ and felix/). Default: the "
                    + "system property sslkit.home, else the folder above the lib/ that holds this jar.")
    Path distribution;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (message.contains("\n") || message.isEmpty()) {
            throw CliFailure.usage("--message must be one non-empty line");
        }
        if (context.modules() != null) {
            // already inside the framework (sslkit:demo in the Gogo shell, or the embedded container below)
            return new DemoScript(context, context.modules(), message).run();
        }
        Path felixHome = FelixDistribution.locate(distribution, DemoCommand.class);
        if (felixHome == null) {
            if (distribution != null) {
                throw CliFailure.usage(distribution + " is not an sslkit distribution (no bundle/ and "
                        + FelixDistribution.LAUNCHER + ")");
            }
            return new DemoScript(context, new RegistryModuleControl(context.registry().get()), message).run();
        }
        return FelixProcess.run(felixHome, context, "demo", "--message", message);
    }
}
