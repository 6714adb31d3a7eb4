package io.sslkit.benchmarks;

/** A client engine and a server engine of one stack, wired through a {@link Wire}. */
interface Pair {
    /** Runs the handshake to its end; throws when it fails or stalls. */
    void handshake(Wire wire) throws Exception;

    /**
     * Writes one 16 KiB buffer of application data on one side and reads it on the other; returns the plaintext
     * bytes that arrived (16 KiB unless something is wrong).
     */
    int transfer(Wire wire, boolean fromClient) throws Exception;

    /** The session_id the client ended up with. */
    byte[] sessionId();
}
