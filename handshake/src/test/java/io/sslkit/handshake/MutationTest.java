package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomly corrupted handshake flights: whatever the damage, an engine either accepts the bytes or ends with an
 * alert it chose for the input; never another exception, never internal_error (which would mean a bug was caught).
 */
class MutationTest {
    static final int ROUNDS = 150;
    final TestPki pki = TestPki.get();

    SslConfig client(ProtocolVersion v) {
        return SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(v)
                .trustAnchors(List.of(pki.ca.certificate())).build();
    }

    SslConfig server(ProtocolVersion v) {
        return SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY).protocols(v)
                .credential(pki.server.key(), pki.server.chain()).clientAuth(ClientAuth.WANT)
                .trustAnchors(List.of(pki.ca.certificate())).build();
    }

    static byte[] mutate(byte[] flight, Random random) {
        byte[] m = flight.clone();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(m.length);
            m[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (m[at] ^ (1 << random.nextInt(8)));
        }
        if (random.nextInt(10) == 0) {
            m = java.util.Arrays.copyOf(m, random.nextInt(m.length));
        }
        return m;
    }

    static void check(SslEngine engine, byte[] input) {
        try {
            ByteBuffer in = ByteBuffer.wrap(input);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            while (in.hasRemaining()) {
                SslEngine.Result r = engine.unwrap(in, app);
                if (r.status() != SslEngine.Status.OK) {
                    break;
                }
            }
            Wire.drain(engine);
        } catch (SslAlertException e) {
            assertNotEquals(AlertDescription.INTERNAL_ERROR, e.alert(), e::getMessage);
            assertTrue(engine.isOutboundDone() || Wire.drain(engine).length > 0 || e.isReceived());
        } catch (RuntimeException e) {
            throw new AssertionError("escaped: " + e, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1.2"})
    void corruptedClientHello(String version) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslEngine c = SslEngine.client(client(v), null, 0);
        c.beginHandshake();
        byte[] hello = Wire.drain(c);
        Random random = new Random(version.hashCode());
        for (int i = 0; i < ROUNDS; i++) {
            check(SslEngine.server(server(v)), mutate(hello, random));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1.2"})
    void corruptedServerFlight(String version) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslConfig clientConfig = client(v);
        SslConfig serverConfig = server(v);
        Random random = new Random(version.hashCode() + 1);
        for (int i = 0; i < ROUNDS / 3; i++) {
            SslEngine c = SslEngine.client(clientConfig, null, 0);
            SslEngine s = SslEngine.server(serverConfig);
            c.beginHandshake();
            Wire.feed(s, Wire.drain(c));
            check(c, mutate(Wire.drain(s), random));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1.2"})
    void corruptedClientFlight(String version) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslConfig clientConfig = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .protocols(v).trustAnchors(List.of(pki.ca.certificate()))
                .credential(pki.client.key(), pki.client.chain()).build();
        SslConfig serverConfig = server(v);
        Random random = new Random(version.hashCode() + 2);
        for (int i = 0; i < ROUNDS / 3; i++) {
            SslEngine c = SslEngine.client(clientConfig, null, 0);
            SslEngine s = SslEngine.server(serverConfig);
            c.beginHandshake();
            Wire.feed(s, Wire.drain(c));
            Wire.feed(c, Wire.drain(s));
            check(s, mutate(Wire.drain(c), random));
        }
    }
}
