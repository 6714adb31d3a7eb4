package io.sslkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.SslSocket;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.testing.DeterministicRandom;
import io.sslkit.handshake.testing.EngineDriver;
import io.sslkit.record.RecordLayer;
import io.sslkit.record.RecordLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every resource knob the engine exposes holds against a hostile peer: the maximum handshake message size (and
 * linear cost of a dribbled message), the certificate chain length, the consecutive warning alerts, the empty
 * records in a row. (Knobs the engine lacks are listed in README.md.)
 */
class ResourceLimitsTest {

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_2"})
    void serverRefusesAnOversizeMessageAtItsHeader(ProtocolVersion v) {
        SslEngine server = Engines.serverEngine(Engines.server(2, v).maxHandshakeMessageSize(4096).build());
        // only the header: the server must not wait for (or buffer) a body it will never accept
        SslAlertException e = feed(server, record(22, v, new byte[] {1, 0, 0x10, 0x01}));
        assertNotNull(e, "a ClientHello declaring 4097 bytes was accepted under a 4096-byte limit");
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert(), e::getMessage);
        assertTrue(e.getMessage().contains("4096"), e::getMessage);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_2"})
    void serverWaitsForAMessageOfExactlyTheLimit(ProtocolVersion v) {
        SslEngine server = Engines.serverEngine(Engines.server(2, v).maxHandshakeMessageSize(4096).build());
        byte[] partial = new byte[4 + 1000];
        partial[0] = 1;
        partial[2] = 0x10;
        assertNull(feed(server, record(22, v, partial)), "a message of exactly the limit must be buffered");
        assertEquals(SslEngine.HandshakeStatus.NEED_UNWRAP, server.handshakeStatus());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_2"})
    void clientRefusesAnOversizeServerMessage(ProtocolVersion v) throws SslAlertException {
        SslEngine client = Engines.clientEngine(Engines.client(1, v).maxHandshakeMessageSize(1024).build());
        new EngineDriver(client, new Budget(0, Long.MAX_VALUE / 2, 0)).drain(null);
        SslAlertException e = feed(client, record(22, v, new byte[] {11, 0, 0x04, 0x01}));
        assertNotNull(e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert(), e::getMessage);
    }

    /** A 16 MiB length field costs the server nothing: it is refused before anything is allocated for it. */
    @ParameterizedTest
    @ValueSource(ints = {0xFFFFFF, SslConfig.DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE + 1})
    void hostileLengthAllocatesNothing(int declared) {
        SslEngine server = Engines.serverEngine(Engines.server(2, Engines.ALL_VERSIONS).build());
        feed(server, record(22, ProtocolVersion.TLS_1_0, new byte[] {1, 0, 0, 0})); // warm up the classes
        SslEngine fresh = Engines.serverEngine(Engines.server(2, Engines.ALL_VERSIONS).build());
        byte[] header = {1, (byte) (declared >>> 16), (byte) (declared >>> 8), (byte) declared};
        long before = Budget.allocatedBytesOfThisThread();
        SslAlertException e = feed(fresh, record(22, ProtocolVersion.TLS_1_0, header));
        long allocated = Budget.allocatedBytesOfThisThread() - before;
        assertNotNull(e);
        assertTrue(allocated < 1 << 20, allocated + " bytes allocated to refuse a " + declared + "-byte length");
    }

    /**
     * A message dribbled one byte per record: what the server allocates grows linearly with what it is sent (an
     * assembler that copied its whole buffer per fragment made a 60 KB message cost gigabytes).
     */
    @org.junit.jupiter.api.Test
    void dribbledMessageAllocation() {
        int bodyLength = 8000;
        SslEngine server = Engines.serverEngine(Engines.server(2, ProtocolVersion.TLS_1_0).build());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] message = new byte[4 + bodyLength];
        message[0] = 1;
        message[2] = (byte) (bodyLength >>> 8);
        message[3] = (byte) bodyLength;
        for (byte b : message) {
            wire.writeBytes(record(22, ProtocolVersion.TLS_1_0, new byte[] {b}));
        }
        byte[] input = Arrays.copyOf(wire.toByteArray(), wire.size() - 6); // the message stays incomplete
        long before = Budget.allocatedBytesOfThisThread();
        assertNull(feed(server, input));
        long allocated = Budget.allocatedBytesOfThisThread() - before;
        // each 6-byte record costs some objects (results, buffers, the driver's own); a quadratic assembler would
        // allocate about 2 x 8000^2 / 2 = 64 MB here, an order of magnitude above this bound
        long linearBound = (1L << 20) + 128L * input.length;
        assertTrue(allocated <= linearBound, allocated + " bytes allocated for " + input.length + " bytes in");
    }

    /**
     * {@code maxConsecutiveWarnings} warnings in a row are tolerated (default 5), the next one ends the connection;
     * any other record restarts the count.
     */
    @ParameterizedTest
    @CsvSource({"TLSv1, 0", "TLSv1.2, 0", "TLSv1.2, 2"})
    void consecutiveWarningAlerts(String version, int configured) {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslConfig.Builder config = Engines.server(2, v);
        int limit = AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS;
        if (configured > 0) {
            config.maxConsecutiveWarnings(configured);
            limit = configured;
        }
        SslEngine server = Engines.serverEngine(config.build());
        byte[] warning = record(21, v, new byte[] {1, (byte) AlertDescription.USER_CANCELED.code()});
        byte[] allowed = repeat(warning, limit);
        assertNull(feed(server, allowed));
        assertNull(feed(server, ServerEngineFuzzTest.clientHello(v)), "a handshake record restarts the count");
        assertNull(feed(server, allowed));
        SslAlertException e = feed(server, warning);
        assertNotNull(e, "warning number " + (limit + 1) + " in a row was accepted");
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert(), e::getMessage);
    }

    /** A peer's chain longer than {@code maxCertificateChainLength} (default 10) is refused before it is parsed. */
    @ParameterizedTest
    @CsvSource({"SERVER, 0, 10", "SERVER, 0, 11", "SERVER, 2, 2", "SERVER, 2, 3", "CLIENT, 3, 3", "CLIENT, 3, 4"})
    void certificateChainLength(StrictStateMachineTest.Side sender, int configured, int chainLength) {
        int limit = configured > 0 ? configured : SslConfig.DEFAULT_MAX_CERTIFICATE_CHAIN_LENGTH;
        // the limit is checked before the chain is parsed or validated, so the same certificate repeated will do
        X509Certificate[] chain = new X509Certificate[chainLength];
        Arrays.fill(chain, Pki.RSA.certificate());
        SslConfig.Builder client = Engines.lenientClient(1, ProtocolVersion.TLS_1_2);
        SslConfig.Builder server = SslConfig.server().policy(Policy.LEGACY).registry(Engines.REGISTRY)
                .protocols(ProtocolVersion.TLS_1_2).random(new DeterministicRandom(2))
                .trustAnchors(List.of(Pki.RSA.certificate()));
        if (sender == StrictStateMachineTest.Side.SERVER) {
            server.credential(Pki.RSA.key(), chain);
            if (configured > 0) {
                client.maxCertificateChainLength(configured);
            }
        } else {
            server.credential(Pki.RSA.key(), Pki.RSA.certificate()).clientAuth(ClientAuth.WANT)
                    .certificateCheck((c, problem, reason) -> true);
            client.credential(Pki.RSA.key(), chain);
            if (configured > 0) {
                server.maxCertificateChainLength(configured);
            }
        }
        Loopback l = Loopback.handshake(client.build(), server.build());
        SslAlertException receiverFailure = sender == StrictStateMachineTest.Side.SERVER ? l.clientFailure
                : l.serverFailure;
        if (chainLength <= limit) {
            assertTrue(l.complete(), () -> "a chain of " + chainLength + " was refused: " + l.clientFailure + " / "
                    + l.serverFailure);
        } else {
            assertNotNull(receiverFailure, "a chain of " + chainLength + " passed a limit of " + limit);
            assertEquals(AlertDescription.BAD_CERTIFICATE, receiverFailure.alert(), receiverFailure::getMessage);
        }
    }

    /** The record layer's knob: n empty records in a row pass, the next one is unexpected_message. */
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 32})
    void emptyRecordsInARow(int limit) throws SslAlertException {
        RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT.withMaxEmptyRecords(limit));
        layer.setVersion(ProtocolVersion.TLS_1_2);
        byte[] empty = record(23, ProtocolVersion.TLS_1_2, new byte[0]);
        ByteBuffer in = ByteBuffer.wrap(repeat(empty, limit));
        for (int i = 0; i < limit; i++) {
            assertNotNull(layer.read(in));
        }
        assertNotNull(layer.read(ByteBuffer.wrap(record(23, ProtocolVersion.TLS_1_2, new byte[] {'x'}))));
        ByteBuffer again = ByteBuffer.wrap(repeat(empty, limit + 1));
        for (int i = 0; i < limit; i++) {
            assertNotNull(layer.read(again), "a non-empty record restarts the count");
        }
        SslAlertException e = assertThrows(SslAlertException.class, () -> layer.read(again));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    /**
     * Through the engine ({@code SslConfig.recordLimits}, default 32 empty records): SSL 3.0 tolerates empty handshake
     * records up to the limit; TLS refuses the first one (RFC 5246 §6.2.1).
     */
    @ParameterizedTest
    @CsvSource({"SSLv3, -1", "SSLv3, 3", "TLSv1.2, -1"})
    void emptyHandshakeRecordsThroughTheEngine(String version, int configured) {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslConfig.Builder config = Engines.server(2, v);
        int limit = RecordLimits.DEFAULT.maxEmptyRecords();
        if (configured >= 0) {
            config.recordLimits(RecordLimits.DEFAULT.withMaxEmptyRecords(configured));
            limit = configured;
        }
        SslEngine server = Engines.serverEngine(config.build());
        assertNull(feed(server, ServerEngineFuzzTest.clientHello(v)));
        byte[] empty = record(22, v, new byte[0]);
        if (v.isSsl3()) {
            assertNull(feed(server, repeat(empty, limit)));
        }
        SslAlertException e = feed(server, empty);
        assertNotNull(e);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert(), e::getMessage);
    }

    /**
     * A peer that dribbles its ClientHello one byte every 100 ms is cut off at {@code handshakeTimeout}:
     * {@link SslSocket} bounds its reads by the time left and the engine checks the limit at each call.
     */
    @org.junit.jupiter.api.Test
    void dribblingPeerIsCutOffAtTheHandshakeTimeout() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 1, loopback)) {
            byte[] hello = ServerEngineFuzzTest.clientHello(ProtocolVersion.TLS_1_2);
            Thread dribbler = new Thread(() -> {
                try (Socket s = new Socket(loopback, listener.getLocalPort())) {
                    OutputStream out = s.getOutputStream();
                    for (byte b : hello) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server hung up on us: that is the point
                }
            });
            dribbler.start();
            SslConfig config = Engines.server(2, ProtocolVersion.TLS_1_2).handshakeTimeout(Duration.ofMillis(800))
                    .build();
            try (SslSocket server = SslSocket.accept(listener, config)) {
                long start = System.nanoTime();
                IOException e = assertThrows(IOException.class, server::startHandshake);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e instanceof SocketTimeoutException, () -> "not a timeout: " + e);
                assertTrue(millis >= 700 && millis < 3000, "cut off after " + millis + " ms, timeout 800 ms");
            } finally {
                dribbler.interrupt();
                dribbler.join(5000);
            }
        }
    }

    /**
     * A client that renegotiates again and again gets {@code maxRenegotiationsPerMinute} renegotiations from the
     * server, then a no_renegotiation warning.
     */
    @org.junit.jupiter.api.Test
    void renegotiationsPerMinute() throws Exception {
        int[] completed = {0};
        int[] declined = {0};
        SslListener serverListener = new SslListener() {
            @Override
            public void handshakeStep(HandshakeStep step, String detail) {
                if (step == HandshakeStep.COMPLETE) {
                    completed[0]++;
                }
            }

            @Override
            public void alert(boolean sent, AlertLevel level, AlertDescription description) {
                if (sent && level == AlertLevel.WARNING && description == AlertDescription.NO_RENEGOTIATION) {
                    declined[0]++;
                }
            }
        };
        SslConfig server = Engines.server(2, ProtocolVersion.TLS_1_2).maxRenegotiationsPerMinute(2)
                .listener(serverListener).build();
        SslConfig client = Engines.client(1, ProtocolVersion.TLS_1_2).maxRenegotiationsPerMinute(10).build();
        Loopback l = Loopback.handshake(client, server);
        assertTrue(l.complete());
        for (int i = 0; i < 3; i++) {
            l.client.beginHandshake();
            l.settle();
        }
        assertEquals(3, completed[0], "the first handshake and two renegotiations");
        assertEquals(1, declined[0], "the third renegotiation within the minute must be declined");
    }

    /** Feeds every byte, draining output as a transport would; returns the alert the engine ended with, or null. */
    static SslAlertException feed(SslEngine engine, byte[] wire) {
        return new EngineDriver(engine, new Budget(wire.length, Long.MAX_VALUE / 2, 0)).feed(wire);
    }

    static byte[] record(int type, ProtocolVersion v, byte[] fragment) {
        return new Wiretap.Rec(type, v.wireValue(), fragment).encode();
    }

    static byte[] repeat(byte[] b, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
