package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10: an established engine holds no staging buffer while idle, and plaintext that does not fit the caller's
 * destination is kept (copied, not referenced) until it is drained.
 */
class IdleEngineTest {
    final TestPki pki = TestPki.get();

    EnginePair pair(ProtocolVersion v, String suite) {
        SslConfig client = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(v).cipherSuites(suite).trustAnchors(List.of(pki.ca.certificate())).build();
        SslConfig server = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(v).credential(pki.server.key(), pki.server.chain()).build();
        EnginePair p = new EnginePair(client, server);
        assertTrue(p.handshake(), () -> "failed: " + p.clientFailure + " / " + p.serverFailure);
        return p;
    }

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_RSA_WITH_RC4_128_SHA", "TLSv1, TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256"})
    void anIdleConnectionHoldsNoStagingBuffers(String version, String suite) throws Exception {
        EnginePair p = pair(ProtocolVersion.byName(version).orElseThrow(), suite);
        byte[] big = data(40_000);
        assertArrayEquals(big, p.send(true, big));
        assertArrayEquals(big, p.send(false, big));
        assertEquals(0, p.client.retainedBufferBytes(), "client");
        assertEquals(0, p.server.retainedBufferBytes(), "server");
    }

    @ParameterizedTest
    @CsvSource({"SSLv3, SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256"})
    void plaintextLargerThanTheDestinationIsDeliveredInPieces(String version, String suite) throws Exception {
        EnginePair p = pair(ProtocolVersion.byName(version).orElseThrow(), suite);
        byte[] record = data(16_384);
        ByteBuffer wire = ByteBuffer.allocate(p.client.packetBufferSize());
        SslEngine.Result w = p.client.wrap(ByteBuffer.wrap(record), wire);
        assertEquals(record.length, w.bytesConsumed());
        wire.flip();

        ByteBuffer small = ByteBuffer.allocate(1000);
        ByteBuffer received = ByteBuffer.allocate(record.length);
        int consumed = 0;
        while (received.position() < record.length) {
            small.clear();
            SslEngine.Result r = p.server.unwrap(wire, small);
            assertEquals(SslEngine.Status.OK, r.status());
            consumed += r.bytesConsumed();
            if (r.bytesConsumed() > 0 && !wire.hasRemaining()) {
                // the record is consumed (and was decrypted inside the caller's buffer): the caller may reuse
                // that buffer at once, the rest of the plaintext must not change with it
                Arrays.fill(wire.array(), (byte) 0x55);
            }
            small.flip();
            assertTrue(small.remaining() <= 1000);
            received.put(small);
        }
        assertEquals(w.bytesProduced(), consumed, "every record consumed");
        assertArrayEquals(record, received.array());
        assertEquals(0, p.server.retainedBufferBytes(), "the overflow is dropped once drained");
    }
}
