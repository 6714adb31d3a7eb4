package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.CertificateCheck;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.handshake.SslConfig;
import io.sslkit.record.CipherState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer targets aimed straight at the handshake's package-private parsers, below the engines (which the fuzz module
 * reaches only through whole flights). Invariants: only {@link SslAlertException} naming an alert escapes, a codec
 * with an encoder re-encodes what it accepted into bytes that decode to the same encoding, and no input takes longer
 * than {@link Budget#MAX_CALL_MILLIS} (generous for a parser of at most 64 KiB: a quadratic or looping path overshoots
 * it by orders of magnitude) or allocates more than a bound linear in its length.
 */
class HandshakeCodecFuzzTest {
    private static final int MAX_MESSAGE = 1 << 16;
    private static final int MAX_CHAIN = 10;
    /**
     * Allocation per input: the parsers copy each vector once or twice, so a few bytes per input byte; the fixed
     * part covers the JDK's certificate parsing and path validation.
     */
    private static final long CODEC_FIXED_BYTES = 8L << 20;
    private static final long CODEC_BYTES_PER_INPUT_BYTE = 64;

    /** The fuzz module's century-valid self-signed certificate: fixed, so saved inputs replay identically. */
    private static final CertificateChecker CHECKER = new CertificateChecker(
            List.of(load("fuzz-pki/rsa-cert.pem"), load("fuzz-pki/dsa-cert.pem")), false, CertificateCheck.REFUSE);

    /** Finished is checked over these: a fixed master secret and, as the transcript, a real ClientHello seed. */
    static final byte[] MASTER_SECRET = new byte[48];
    static final byte[] FINISHED_TRANSCRIPT =
            resource("HandshakeCodecFuzzTestInputs/messages/client-hello-tls12");
    static final CipherSuite FINISHED_SUITE = CipherSuites.byName("TLS_RSA_WITH_AES_128_CBC_SHA").orElseThrow();
    private static final Handshaker FINISHED_RECEIVER_SERVER = finishedReceiver(SslConfig.server()
            .policy(Policy.LEGACY).credential(KeyExchangeFixture.RSA.key(), KeyExchangeFixture.RSA.certificate())
            .build());
    private static final Handshaker FINISHED_RECEIVER_CLIENT = finishedReceiver(SslConfig.client()
            .policy(Policy.LEGACY).insecure().build());

    interface Target {
        void run() throws SslAlertException;
    }

    /** Byte 0 picks the codec, the rest is the message body (or, for the assembler, raw record fragments). */
    @FuzzTest
    void messages(byte[] data) {
        bounded(data, () -> message(data));
    }

    /** The extensions block as ClientHello and ServerHello read it after the compression method(s). */
    @FuzzTest
    void extensions(byte[] data) {
        bounded(data, () -> extensionBlock(data));
    }

    /** A Certificate body as the client receives it: decode, parse the DER chain, validate against the anchors. */
    @FuzzTest
    void certificatePath(byte[] data) {
        bounded(data, () -> certificates(data));
    }

    /**
     * The Finished a side receives: byte 0 picks the version (bits 0-1) and the sender (bit 2 set: the client's,
     * checked by the server), the rest is verify_data, checked over a fixed master secret and transcript. Accepted
     * exactly when it is the expected verify_data; otherwise decode_error for a wrong length (36 bytes in SSL 3.0,
     * 12 in TLS) and decrypt_error for wrong content.
     */
    @FuzzTest
    void finished(byte[] data) {
        bounded(data, () -> finishedMessage(data));
    }

    /**
     * The server_name extension body (RFC 6066 §3) as the server reads it: a host_name it takes must survive the
     * client's encoder unchanged and be matched against certificates without failing.
     */
    @FuzzTest
    void serverName(byte[] data) {
        bounded(data, () -> serverNameBody(data));
    }

    /**
     * The seeds are real messages captured from an OpenSSL 3.0 TLS 1.2 handshake with client authentication (plus
     * TLS 1.0 forms cut from them): each must be accepted, or the fuzzer would start from a refusal.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void seedIsAccepted(String method, Path seed) throws Exception {
        byte[] data = Files.readAllBytes(seed);
        switch (method) {
            case "messages" -> message(data);
            case "extensions" -> assertFalse(Extension.readAll(new HandshakeReader(data, "ClientHello"), "ClientHello")
                    .isEmpty());
            case "finished" -> finishedMessage(data);
            case "serverName" -> assertNotNull(ServerNames.hostName(List.of(new Extension(Extension.SERVER_NAME, data))));
            default -> certificates(data);
        }
    }

    static Stream<Arguments> seeds() throws Exception {
        Path root = Path.of(HandshakeCodecFuzzTest.class.getResource("HandshakeCodecFuzzTestInputs").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String method : List.of("messages", "extensions", "certificatePath", "finished", "serverName")) {
            try (Stream<Path> files = Files.list(root.resolve(method))) {
                files.filter(f -> !f.getFileName().toString().startsWith("crash-")).sorted()
                        .forEach(f -> out.add(Arguments.of(method, f)));
            }
        }
        return out.stream();
    }

    private static void message(byte[] data) throws SslAlertException {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        int selector = data[0] & 0xFF;
        switch (selector % 6) {
            case 0 -> {
                byte[] once = ClientHello.decode(body).encode();
                assertArrayEquals(once, ClientHello.decode(once).encode(), "ClientHello round trip");
            }
            case 1 -> {
                byte[] once = ServerHello.decode(body).encode();
                assertArrayEquals(once, ServerHello.decode(once).encode(), "ServerHello round trip");
            }
            case 2 -> {
                byte[] once = CertificateMessage.decode(body).encode();
                assertArrayEquals(once, CertificateMessage.decode(once).encode(), "Certificate round trip");
            }
            case 3 -> {
                boolean tls12 = (selector & 0x80) != 0;
                byte[] once = CertificateRequest.decode(body, tls12).encode();
                assertArrayEquals(once, CertificateRequest.decode(once, tls12).encode(),
                        "CertificateRequest round trip");
            }
            case 4 -> {
                boolean tls12 = (selector & 0x80) != 0;
                byte[] once = DigitallySigned.decode(body, tls12, "ServerKeyExchange").encode();
                assertArrayEquals(once, DigitallySigned.decode(once, tls12, "ServerKeyExchange").encode(),
                        "digitally-signed round trip");
            }
            default -> assemble(body, 1 + (selector >> 3));
        }
    }

    static void finishedMessage(byte[] data) throws SslAlertException {
        if (data.length == 0) {
            return;
        }
        ProtocolVersion version = KeyExchangeFixture.VERSIONS.get(data[0] & 3);
        boolean fromClient = (data[0] & 4) != 0;
        byte[] verifyData = Arrays.copyOfRange(data, 1, data.length);
        Handshaker receiver = fromClient ? FINISHED_RECEIVER_SERVER : FINISHED_RECEIVER_CLIENT;
        receiver.version = version;
        receiver.suite = FINISHED_SUITE;
        receiver.schedule = KeySchedule.of(version, FINISHED_SUITE, receiver.digests);
        receiver.masterSecret = MASTER_SECRET.clone();
        byte[] expected = receiver.schedule.finished(MASTER_SECRET, FINISHED_TRANSCRIPT, fromClient);
        assertEquals(version.isSsl3() ? 36 : 12, expected.length, "verify_data length in " + version);
        try {
            receiver.verifyFinished(HandshakeMessage.of(HandshakeType.FINISHED, verifyData), FINISHED_TRANSCRIPT);
        } catch (SslAlertException e) {
            assertFalse(Arrays.equals(expected, verifyData), "the expected verify_data refused");
            assertEquals(verifyData.length != expected.length ? AlertDescription.DECODE_ERROR
                    : AlertDescription.DECRYPT_ERROR, e.alert(), "alert for a wrong Finished");
            throw e;
        }
        assertArrayEquals(expected, verifyData, "a wrong verify_data accepted");
    }

    private static void serverNameBody(byte[] data) throws SslAlertException {
        String host = ServerNames.hostName(List.of(new Extension(Extension.SERVER_NAME, data)));
        if (host == null) {
            return;
        }
        assertEquals(host, ServerNames.hostName(List.of(ClientHandshaker.serverName(host))), "host_name round trip");
        ServerNames.matches(KeyExchangeFixture.RSA.certificate(), host);
        ServerNames.matches(KeyExchangeFixture.DSA.certificate(), host);
    }

    private static Handshaker finishedReceiver(SslConfig config) {
        HandshakeOutput ignored = new HandshakeOutput() {
            @Override
            public void message(HandshakeMessage message) {
            }

            @Override
            public void changeCipherSpec(CipherState write) {
            }

            @Override
            public void expectChangeCipherSpec(CipherState read) {
            }

            @Override
            public void warning(AlertDescription description) {
            }

            @Override
            public boolean fuzzerMode() {
                return false;
            }
        };
        SessionStore cache = new SessionStore(1, Duration.ofMinutes(1));
        return config.isClient() ? Handshaker.client(config, ignored, cache, "localhost", 443, null)
                : Handshaker.server(config, ignored, cache, null);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HandshakeCodecFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void extensionBlock(byte[] data) throws SslAlertException {
        List<Extension> parsed = Extension.readAll(new HandshakeReader(data, "ClientHello"), "ClientHello");
        HandshakeWriter w = new HandshakeWriter();
        Extension.writeAll(w, parsed);
        byte[] once = w.toByteArray();
        HandshakeWriter again = new HandshakeWriter();
        Extension.writeAll(again, Extension.readAll(new HandshakeReader(once, "ClientHello"), "ClientHello"));
        assertArrayEquals(once, again.toByteArray(), "extensions round trip");
    }

    private static void certificates(byte[] data) throws SslAlertException {
        CertificateMessage msg = CertificateMessage.decode(data);
        // the handshakers treat an empty list before parsing (no_certificate / handshake_failure)
        if (msg.certificateList().isEmpty()) {
            return;
        }
        List<X509Certificate> chain = CertificateChecker.parse(msg.certificateList(), MAX_CHAIN);
        assertNotNull(CHECKER.check(chain, Set.of("RSA", "DSA"), "localhost"));
    }

    /** Feeds {@code body} in fragments of {@code step} bytes and drains every complete message after each. */
    private static void assemble(byte[] body, int step) throws SslAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(MAX_MESSAGE);
        for (int off = 0; off < body.length; off += step) {
            assembler.add(Arrays.copyOfRange(body, off, Math.min(body.length, off + step)));
            for (HandshakeMessage m = assembler.next(); m != null; m = assembler.next()) {
                if (m.encoded().length != 4 + m.body().length) {
                    throw new AssertionError("encoded length " + m.encoded().length + " for body "
                            + m.body().length);
                }
            }
        }
    }

    private static void bounded(byte[] data, Target target) {
        bounded(CODEC_FIXED_BYTES + CODEC_BYTES_PER_INPUT_BYTE * data.length, target);
    }

    /**
     * Runs one input under the invariants of {@link Budget}: only an {@link SslAlertException} naming an alert
     * escapes, the call returns within {@link Budget#MAX_CALL_MILLIS} and allocates at most {@code allowedBytes} on
     * this thread (an input over a bound is re-run a few times before it counts).
     */
    static void bounded(long allowedBytes, Target target) {
        Budget.allowingClassLoading(() -> {
            try {
                new Budget(0, allowedBytes, 0).call("the codec", () -> {
                    target.run();
                    return null;
                });
            } catch (SslAlertException refused) {
                // a refusal naming its alert is what hostile input should get
            }
        });
    }

    private static X509Certificate load(String resource) {
        try (InputStream in = HandshakeCodecFuzzTest.class.getResourceAsStream(resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
