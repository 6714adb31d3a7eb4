package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.EngineAccess;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.testing.Corpus;
import io.sslkit.handshake.testing.EngineDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Engine-level Jazzer targets in the test-only fuzzer mode ({@link Connection#enableFuzzerMode()}): with Finished,
 * signatures and record protection out of the way and every byte reproducible, mutations of a recorded conversation
 * reach what lies beyond Finished (application data, alerts, renegotiation) as well as the handshake messages. The
 * invariants are the fuzz module's: only {@link SslAlertException} naming an alert escapes, each call returns within
 * 2 s, allocation is bounded by the input, output is not amplified, unwrap never spins (see {@link Budget} and
 * {@link EngineDriver}).
 */
class FuzzerModeEngineFuzzTest {
    /**
     * Output a victim may produce on its own: its flights (certificate chain included) for the first handshake and
     * the renegotiations the budget allows with a fixed clock (3), and an alert.
     */
    static final int FIXED_OUTPUT = 16 * 1024;
    static final long FIXED_ALLOCATION = 16L << 20;
    static final long ALLOCATION_PER_INPUT_BYTE = 256;

    /** The seeds, generated in this JVM: also loads every class an input can reach before inputs are measured. */
    private static final Map<String, Map<String, byte[]>> GENERATED = FuzzerModeSeeds.generate();

    /** A server victim fed the fuzzer's bytes as the client's records, from the first byte on. */
    @FuzzTest
    void server(byte[] data) {
        Budget.allowingClassLoading(() -> {
            EngineDriver driver = new EngineDriver(serverVictim(true), budget(data));
            driver.feed(data);
            checkOutput(driver.produced(), data.length);
        });
    }

    /** A client victim, once it has sent its ClientHello, fed the fuzzer's bytes as the server's records. */
    @FuzzTest
    void client(byte[] data) {
        Budget.allowingClassLoading(() -> {
            EngineDriver driver = new EngineDriver(clientVictim(true), budget(data));
            checkOutput(driver.openThenFeed(data), data.length);
        });
    }

    /**
     * Each seed, replayed, takes its victim through the handshake (and renegotiation where the seed has one) into
     * application data and a clean close: fuzzer mode works and the seeds are deep. Without fuzzer mode the same
     * bytes fail before any application data: the seeds depend on it.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("seeds")
    void seedsReachApplicationData(String method, String name) throws Exception {
        byte[] seed = Files.readAllBytes(inputs().resolve(method).resolve(name));
        boolean server = method.equals("server");
        SslEngine victim = server ? serverVictim(true) : clientVictim(true);
        EngineDriver driver = new EngineDriver(victim, new Budget(seed.length, Long.MAX_VALUE / 2, 0));
        driver.drain(null);
        assertNull(driver.feed(seed), () -> "refused: " + victim.failure());
        assertTrue(victim.isHandshakeComplete());
        int messages = name.contains("renegotiation") ? 2 : 1;
        assertEquals(messages, EngineAccess.completedHandshakes(victim));
        if (messages == 2) {
            assertEquals(!name.contains("full-renegotiation"), victim.session().resumed(), "renegotiation resumed");
        }
        String expected = server ? FuzzerModeSeeds.REQUEST : FuzzerModeSeeds.RESPONSE;
        assertEquals((long) messages * expected.length(), driver.applicationBytes());
        assertTrue(victim.closeNotifyReceived());

        SslEngine normal = server ? serverVictim(false) : clientVictim(false);
        EngineDriver plain = new EngineDriver(normal, new Budget(seed.length, Long.MAX_VALUE / 2, 0));
        plain.drain(null);
        assertNotNull(plain.feed(seed), "a victim without fuzzer mode accepted a fuzzer-mode conversation");
        assertEquals(0, plain.applicationBytes());
        assertFalse(normal.isHandshakeComplete());
    }

    /** Fuzzer mode with the deterministic random and the fixed clock: the same conversation, byte for byte. */
    @Test
    void twoRunsProduceIdenticalWireBytes() {
        Map<String, Map<String, byte[]>> again = FuzzerModeSeeds.generate();
        for (String method : GENERATED.keySet()) {
            for (String name : GENERATED.get(method).keySet()) {
                assertArrayEquals(GENERATED.get(method).get(name), again.get(method).get(name), method + "/" + name);
            }
        }
    }

    /**
     * The committed seeds are what the generator makes now (so they are reproducible across JVMs too); with
     * {@code -Dfuzzermode.writeSeeds=true} it rewrites them in src/test/resources first.
     */
    @Test
    void seedsAreCurrent() throws Exception {
        if (Boolean.getBoolean("fuzzermode.writeSeeds")) {
            FuzzerModeSeeds.write(Path.of("src/test/resources"));
            return;
        }
        for (String method : GENERATED.keySet()) {
            for (Map.Entry<String, byte[]> seed : GENERATED.get(method).entrySet()) {
                Path file = inputs().resolve(method).resolve("seed-" + seed.getKey());
                assertArrayEquals(seed.getValue(), Files.readAllBytes(file), file + " is stale: regenerate it");
            }
        }
    }

    static Stream<Arguments> seeds() throws Exception {
        return Corpus.seeds(inputs(), List.of("server", "client"));
    }

    private static Path inputs() throws Exception {
        return Path.of(FuzzerModeEngineFuzzTest.class.getResource("FuzzerModeEngineFuzzTestInputs").toURI());
    }

    static SslEngine serverVictim(boolean fuzzerMode) {
        return FuzzerModeEngines.serverEngine(FuzzerModeEngines.server().build(), fuzzerMode);
    }

    static SslEngine clientVictim(boolean fuzzerMode) {
        return FuzzerModeEngines.clientEngine(FuzzerModeEngines.client().build(), fuzzerMode);
    }

    private static Budget budget(byte[] data) {
        return new Budget(data.length, FIXED_ALLOCATION, ALLOCATION_PER_INPUT_BYTE);
    }

    /** The engine must not amplify: what it sends is bounded by a fixed amount plus what it was sent. */
    static void checkOutput(long produced, int inputLength) {
        if (produced > FIXED_OUTPUT + inputLength) {
            throw new AssertionError(produced + " bytes sent for " + inputLength + " bytes received");
        }
    }
}
