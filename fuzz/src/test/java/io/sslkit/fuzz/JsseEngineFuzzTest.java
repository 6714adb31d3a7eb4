package io.sslkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for the SSLKIT provider's {@link javax.net.ssl.SSLEngine}: hostile input and hostile buffer shapes. The
 * input says, call by call, how much of the queued wire the source shows, the destinations (1 to 4, any size from 0
 * up, direct or heap, behind caller bytes, inside a bigger array), the sources of wrap, and the application's and
 * the peer's moves; the victim either gets the input's bytes as its peer's records or talks to a live sslkit peer.
 * Format and invariants: {@link JsseDriver}; seeds: {@link JsseSeeds}.
 */
class JsseEngineFuzzTest {
    static {
        // load every class a run can reach (both victims, every version, the peers) before inputs are measured
        for (int flags = 0; flags < 32; flags += 2) {
            JsseDriver.runUnbounded(true, new byte[] {(byte) (flags | JsseDriver.PEER_MODE)});
            JsseDriver.runUnbounded(false, new byte[] {(byte) (flags | JsseDriver.PEER_MODE)});
        }
    }

    /** A server SSLEngine (every version enabled, so the legacy policy) fed the input. */
    @FuzzTest
    void server(byte[] data) {
        Budget.allowingClassLoading(() -> JsseDriver.run(true, data));
    }

    /** A client SSLEngine that has sent its ClientHello, fed the input as the server's side. */
    @FuzzTest
    void client(byte[] data) {
        Budget.allowingClassLoading(() -> JsseDriver.run(false, data));
    }

    /**
     * Each committed seed gets as far as its name says: {@code fed-*} server seeds make the victim answer with its
     * flight (a ServerHello), client ones with its second flight (a ChangeCipherSpec); {@code peer-*} seeds take the
     * victim through its handshakes (a renegotiation where named) into application data both ways, all of it
     * delivered intact, with no failure. On the way every seed has the victim stage a record cut by a small
     * destination; peer seeds also spread plaintext over several destinations and gather it from several sources.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("seeds")
    void seedsGetAsFarAsIntended(String method, String name) throws Exception {
        check(method, name, Files.readAllBytes(inputs().resolve(method).resolve(name)));
    }

    /** The generator still makes seeds that get as far (it records fresh handshakes, so its bytes differ). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void generatedSeedsGetAsFarAsIntended(String method) {
        for (Map.Entry<String, byte[]> seed : JsseSeeds.generate().get(method).entrySet()) {
            check(method, "seed-" + seed.getKey(), seed.getValue());
        }
    }

    private static void check(String method, String name, byte[] seed) {
        boolean server = method.equals("server");
        JsseDriver.Report r = JsseDriver.run(server, seed);
        assertTrue(r.stagedWraps > 0, name + ": no record was staged");
        if (name.startsWith("seed-fed-")) {
            if (server) {
                assertEquals(2, r.firstHandshakeMessage, name + ": the server's first message is not ServerHello");
            } else {
                assertTrue(r.recordTypes.contains(20), name + ": the client sent no ChangeCipherSpec");
            }
            return;
        }
        assertNull(r.failure, name);
        assertEquals(name.contains("renegotiation") ? 2 : 1, r.finished, name + ": FINISHED");
        assertTrue(r.applicationReceived > JsseSeeds.PEER_RECORD, name + ": too little data received");
        assertEquals(r.peerApplicationSent, r.applicationReceived, name + ": data the victim received");
        assertTrue(r.applicationSent > JsseSeeds.PEER_RECORD, name + ": too little data sent");
        assertEquals(r.applicationSent, r.peerApplicationReceived, name + ": data the peer received");
        assertTrue(r.scatteredUnwraps > 0, name + ": no plaintext was scattered");
        assertTrue(r.gatheredWraps > 0, name + ": no plaintext was gathered");
    }

    static Stream<Arguments> seeds() throws Exception {
        return Corpus.seeds(inputs(), List.of("server", "client"));
    }

    static Stream<String> methods() {
        return Stream.of("server", "client");
    }

    private static Path inputs() throws Exception {
        return Path.of(JsseEngineFuzzTest.class.getResource("JsseEngineFuzzTestInputs").toURI());
    }
}
