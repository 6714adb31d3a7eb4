package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "suites", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Lists the cipher suites available now and the modules that supply them.",
        description = {"One line per suite whose every part (key exchange, cipher, MAC digest) is supplied by a module",
                "present now and which the policy allows: its name, its code, and each part=the module supplying it."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  sslkit suites",
                "      TLS_RSA_WITH_AES_128_CBC_SHA  0x002F  RSA=io.sslkit.cipher.rsa AES_128_CBC=io.sslkit.cipher.aes ...",
                "  sslkit suites --policy legacy           include SSL 3.0-era suites: RC4, DES, export, NULL, Fortezza",
                "  sslkit suites --policy legacy --verbose also OpenSSL names and versions, and every defined suite",
                "                                          that is incomplete (which module is missing) or refused",
                "  SSLKIT_MODULE_PATH=my-cipher.jar sslkit suites      a module of your own joins the list"})
final class SuitesCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--policy", paramLabel = "default|legacy", defaultValue = "default",
            converter = PolicyConverter.class,
            description = "default: TLSv1.2 and today's suites only; legacy: everything the modules make complete. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Policy policy;

    @Option(names = {"-v", "--verbose"},
            description = "Also print OpenSSL names and versions, and the suites that are defined but incomplete "
                    + "or refused by the policy, with the reason.")
    private boolean verbose;

    SuitesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AlgorithmRegistry registry = context.registry().get();
        SuiteTable table = SuiteTable.of(registry, policy);
        PrintStream out = context.out();
        if (verbose) {
            out.println("policy " + policy.name() + ": " + policy.summary());
            out.println();
            out.println("available now (" + table.available().size() + "):");
        }
        int width = nameWidth(registry.definedSuites());
        for (CipherSuite s : table.available()) {
            out.println((verbose ? "  " : "") + availableLine(s, registry, width, verbose));
        }
        if (verbose) {
            out.println();
            out.println("defined but incomplete (" + table.incomplete().size() + "):");
            for (CipherSuite s : table.incomplete()) {
                out.println("  " + pad(s.name(), width) + "  " + s.codeString() + "  missing "
                        + String.join(", ", SuiteTable.missingParts(s, registry)));
            }
            out.println();
            out.println("refused by policy " + policy.name() + " (" + table.refused().size() + "):");
            for (SuiteTable.Refusal r : table.refused()) {
                out.println("  " + pad(r.suite().name(), width) + "  " + r.suite().codeString() + "  " + r.reason());
            }
        }
        if (table.available().isEmpty()) {
            context.err().println("no cipher suite is available under policy " + policy.name()
                    + (verbose ? "" : " (see 'sslkit suites --verbose' for what is missing)"));
        }
        return 0;
    }

    static String availableLine(CipherSuite s, AlgorithmRegistry registry, int width, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        sb.append(pad(s.name(), width)).append("  ").append(s.codeString()).append(' ');
        if (verbose) {
            sb.append(' ').append(pad(s.opensslName() == null ? "-" : s.opensslName(), 24)).append(' ')
                    .append(pad(versions(s), 16));
        }
        List<String> parts = new ArrayList<>();
        for (String part : s.parts()) {
            parts.add(part + "=" + registry.origin(part).orElse("?"));
        }
        sb.append(' ').append(String.join(" ", parts));
        return sb.toString();
    }

    static String versions(CipherSuite s) {
        return s.minVersion() == s.maxVersion() ? s.minVersion().standardName()
                : s.minVersion().standardName() + "-" + s.maxVersion().standardName();
    }

    private static int nameWidth(List<CipherSuite> suites) {
        int w = 0;
        for (CipherSuite s : suites) {
            w = Math.max(w, s.name().length());
        }
        return w;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
