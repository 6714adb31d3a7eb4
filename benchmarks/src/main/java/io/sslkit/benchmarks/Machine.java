package io.sslkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The facts a benchmark result is meaningless without: when, on what CPU, how many cores, which JDK. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + cpuModel() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + "; " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; load average at the start "
                + loadAverage() + ".\n";
    }

    /** The 1, 5 and 15 minute load averages: on a shared machine, how much else was running. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture below still says something
        }
        return "unknown CPU";
    }
}
