package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlgorithmRegistry;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final AlgorithmRegistry registry = Fixtures.rc4Registry();

    @Test
    void bareCommandPrintsUsageAndFails() {
        Run r = Run.of(registry);
        assertEquals(Commands.USAGE, r.status());
        assertTrue(r.err().contains("Usage: sslkit"), r.err());
        assertTrue(r.err().contains("suites"), r.err());
    }

    @Test
    void misspelledCommandSuggestsTheRightOne() {
        Run r = Run.of(registry, "sutes");
        assertEquals(Commands.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("'sutes'"), r.err());
        assertTrue(r.err().contains("did you mean suites"), r.err());
        assertTrue(r.err().contains("sslkit --help"), r.err());
    }

    @Test
    void unknownOptionNamesTheCommandAndItsHelp() {
        Run r = Run.of(registry, "suites", "--colour");
        assertEquals(Commands.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("sslkit suites: Unknown option: '--colour'"), r.err());
        assertTrue(r.err().contains("'sslkit suites --help'"), r.err());
    }

    @Test
    void helpHasExamplesAndSucceeds() {
        for (String command : new String[] {"suites", "modules"}) {
            Run r = Run.of(registry, command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().contains("Examples:"), r.out());
            assertTrue(r.out().contains("sslkit " + command), r.out());
        }
        Run top = Run.of(registry, "--help");
        assertEquals(0, top.status());
        assertTrue(top.out().contains("Exit status"), top.out());
    }

    @Test
    void modulesListsWhatEachModuleSupplies() {
        Run r = Run.of(registry, "modules");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("test.md5: digest MD5"), r.out());
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("io.sslkit.cipher.rc4")
                && l.contains("cipher RC4_128") && l.contains("cipher RC4_40")), r.out());
    }

    @Test
    void modulesFailsWhenNothingIsPresent() {
        Run r = Run.of(new AlgorithmRegistry(), "modules");
        assertEquals(Commands.FAILED, r.status());
        assertTrue(r.err().contains("no algorithm module is present"), r.err());
    }
}
