package io.sslkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.testing.EngineDriver;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Fuzz targets for the server engine: arbitrary bytes after a real ClientHello (made by our client for the version
 * the first input byte picks), and an arbitrary first flight. Randomness is deterministic, so an input replays the
 * same way; the server's gmt_unix_time is not, which keeps the fuzzer from forging a valid client Finished (see
 * README).
 */
class ServerEngineFuzzTest {
    /** Output the server may produce on its own: its first flight (certificate chain included) and an alert. */
    static final int FIXED_OUTPUT = 16 * 1024;
    /** Handshakes parse certificates and run RSA and DH; a few MiB is plenty, 16 MiB hostile lengths are not. */
    static final long FIXED_ALLOCATION = 16L << 20;
    static final long ALLOCATION_PER_INPUT_BYTE = 256;

    private static final byte[][] CLIENT_HELLOS = new byte[ProtocolVersion.values().length][];

    static {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            SslEngine client = Engines.clientEngine(Engines.client(1, v).build());
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            try {
                new EngineDriver(client, new Budget(0, Long.MAX_VALUE / 2, 0)).drain(hello);
            } catch (SslAlertException e) {
                throw new IllegalStateException(e);
            }
            CLIENT_HELLOS[v.ordinal()] = hello.toByteArray();
        }
        // a complete handshake per version loads every class a fuzz input can reach before inputs are measured
        for (ProtocolVersion v : ProtocolVersion.values()) {
            Loopback.handshake(Engines.client(1, v).build(), Engines.server(2, Engines.ALL_VERSIONS).build());
        }
    }

    static byte[] clientHello(ProtocolVersion v) {
        return CLIENT_HELLOS[v.ordinal()].clone();
    }

    @FuzzTest
    void afterClientHello(byte[] data) {
        Budget.allowingClassLoading(() -> {
            if (data.length == 0) {
                return;
            }
            ProtocolVersion v = ProtocolVersion.values()[(data[0] & 0xff) % ProtocolVersion.values().length];
            byte[] rest = Arrays.copyOfRange(data, 1, data.length);
            SslEngine server = Engines.serverEngine(Engines.server(2, Engines.ALL_VERSIONS).build());
            Budget budget = new Budget(rest.length, FIXED_ALLOCATION, ALLOCATION_PER_INPUT_BYTE);
            EngineDriver driver = new EngineDriver(server, budget);
            SslAlertException refused = driver.feed(clientHello(v));
            if (refused != null) {
                throw new AssertionError("our own ClientHello was refused", refused);
            }
            long before = driver.produced();
            driver.feed(rest);
            checkOutput(driver.produced() - before, rest.length);
        });
    }

    @FuzzTest
    void firstFlight(byte[] data) {
        Budget.allowingClassLoading(() -> {
            SslEngine server = Engines.serverEngine(Engines.server(2, Engines.ALL_VERSIONS).build());
            EngineDriver driver = new EngineDriver(server,
                    new Budget(data.length, FIXED_ALLOCATION, ALLOCATION_PER_INPUT_BYTE));
            driver.feed(data);
            checkOutput(driver.produced(), data.length);
        });
    }

    /** The engine must not amplify: what it sends is bounded by a fixed flight plus what it was sent. */
    static void checkOutput(long produced, int inputLength) {
        if (produced > FIXED_OUTPUT + inputLength) {
            throw new AssertionError(produced + " bytes sent for " + inputLength + " bytes received");
        }
    }
}
