package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container's command line: bin/sslkit-felix's settings, the command to run, this JVM's java. */
class FelixProcessTest {
    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void commandLineStartsFelixLikeTheLauncherAndCarriesTheArguments() throws Exception {
        Path boot = Files.createDirectories(home.resolve("bundle/boot"));
        for (String jar : List.of("slf4j-simple-2.0.17.jar", "asm-9.8.jar", "org.apache.aries.spifly.dynamic.bundle.jar",
                "slf4j-api-2.0.17.jar", "README.txt")) {
            Files.writeString(boot.resolve(jar), "");
        }
        List<String> cmd = FelixProcess.command(home, work, work.resolve("logging.properties"), "demo", "--message",
                "two words");

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
        assertEquals(List.of("-jar", home.resolve(FelixDistribution.LAUNCHER).toString()),
                cmd.subList(cmd.size() - 2, cmd.size()));
        assertTrue(cmd.contains("-Dsslkit.home=" + home), cmd.toString());
        assertTrue(cmd.contains("-Dsslkit.felix.cache=" + work.resolve("felix-cache")), "a cache of its own: " + cmd);
        assertTrue(cmd.contains("-Dgosh.args=--nointeractive"), "the shell must not take the console: " + cmd);
        // one property per argument, so that spaces survive; in order
        int at = cmd.indexOf("-D" + FelixProcess.EXEC_PROPERTY_PREFIX + "0=demo");
        assertTrue(at > 0, cmd.toString());
        assertEquals(List.of("-Dsslkit.exec.1=--message", "-Dsslkit.exec.2=two words"), cmd.subList(at + 1, at + 3));
        // start level 1 in name order: ASM, SPI Fly, then SLF4J's API before its binding; jars only
        String autoStart = cmd.stream().filter(a -> a.startsWith("-Dfelix.auto.start.1=")).findFirst().orElseThrow();
        assertEquals("-Dfelix.auto.start.1=" + String.join(" ", boot.resolve("asm-9.8.jar").toUri().toString(),
                boot.resolve("org.apache.aries.spifly.dynamic.bundle.jar").toUri().toString(),
                boot.resolve("slf4j-api-2.0.17.jar").toUri().toString(),
                boot.resolve("slf4j-simple-2.0.17.jar").toUri().toString()), autoStart);
    }
}
