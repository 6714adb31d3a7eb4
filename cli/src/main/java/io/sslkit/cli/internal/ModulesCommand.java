package io.sslkit.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "modules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Lists the algorithm modules present now and what each supplies.",
        description = "On the module path these are JPMS modules; inside Felix they are bundles.",
        footerHeading = "%nExamples:%n",
        footer = {"  sslkit modules",
                "      io.sslkit.cipher.rc4: cipher RC4_128, cipher RC4_40",
                "  SSLKIT_MODULE_PATH=my-cipher.jar sslkit modules   check that your own module was found"})
final class ModulesCommand implements Callable<Integer> {
    private final CliContext context;

    ModulesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, List<String>> modules = context.registry().get().modules();
        if (modules.isEmpty()) {
            context.err().println("no algorithm module is present (is the module path complete?)");
            return Commands.FAILED;
        }
        modules.forEach((module, supplies) -> context.out().println(module + ": " + String.join(", ", supplies)));
        return 0;
    }
}
