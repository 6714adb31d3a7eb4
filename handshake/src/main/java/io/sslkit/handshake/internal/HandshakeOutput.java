package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.record.CipherState;

/** What a handshake asks of the connection around it, in the order it asks. */
interface HandshakeOutput {
    /** Send a handshake message (it is already in the transcript). */
    void message(HandshakeMessage message);

    /** Send ChangeCipherSpec, then protect every later record with {@code write}. */
    void changeCipherSpec(CipherState write);

    /** From now on (and only now) a ChangeCipherSpec from the peer is acceptable; it activates {@code read}. */
    void expectChangeCipherSpec(CipherState read);

    /** Send a warning alert (SSL 3.0 no_certificate, TLS no_renegotiation). */
    void warning(AlertDescription description);

    /**
     * Test-only fuzzer mode (see {@code Connection.enableFuzzerMode}): Finished and signature results are not
     * checked. Always false outside the handshake module's tests.
     */
    boolean fuzzerMode();
}
