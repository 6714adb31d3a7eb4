package io.sslkit.benchmarks;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The in-memory transport between a client and a server engine, plus the application buffers and the 16 KiB
 * payload. Shared by all the pairs of one measurement, so that an idle pair holds only its two engines. The two
 * network buffers stay in write mode between calls (JSSE's convention); readers flip and compact around unwrap.
 */
final class Wire {
    /** One full record of application data: what a 16 KiB write is. */
    public static final int RECORD = 16384;

    final ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
    final ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
    final ByteBuffer clientApp = ByteBuffer.allocate(1 << 16);
    final ByteBuffer serverApp = ByteBuffer.allocate(1 << 16);
    final ByteBuffer empty = ByteBuffer.allocate(0);
    final byte[] payload = new byte[RECORD];

    public Wire() {
        new Random(10).nextBytes(payload);
    }

    /** Forgets whatever a failed or abandoned exchange left behind. */
    void reset() {
        toServer.clear();
        toClient.clear();
        clientApp.clear();
        serverApp.clear();
    }
}
