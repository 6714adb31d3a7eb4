package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.CertificateCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
 * than {@link #BOUND_NANOS}.
 */
class HandshakeCodecFuzzTest {
    /** Generous for a parser of at most 64 KiB; a quadratic or looping path overshoots it by orders of magnitude. */
    private static final long BOUND_NANOS = 2_000_000_000L;
    private static final int MAX_MESSAGE = 1 << 16;
    private static final int MAX_CHAIN = 10;

    /** The fuzz module's century-valid self-signed certificate: fixed, so saved inputs replay identically. */
    private static final CertificateChecker CHECKER = new CertificateChecker(
            List.of(load("fuzz-pki/rsa-cert.pem"), load("fuzz-pki/dsa-cert.pem")), false, CertificateCheck.REFUSE);

    interface Target {
        void run() throws SslAlertException;
    }

    /** Byte 0 picks the codec, the rest is the message body (or, for the assembler, raw record fragments). */
    @FuzzTest
    void messages(byte[] data) {
        bounded(() -> message(data));
    }

    /** The extensions block as ClientHello and ServerHello read it after the compression method(s). */
    @FuzzTest
    void extensions(byte[] data) {
        bounded(() -> extensionBlock(data));
    }

    /** A Certificate body as the client receives it: decode, parse the DER chain, validate against the anchors. */
    @FuzzTest
    void certificatePath(byte[] data) {
        bounded(() -> certificates(data));
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
            default -> certificates(data);
        }
    }

    static Stream<Arguments> seeds() throws Exception {
        Path root = Path.of(HandshakeCodecFuzzTest.class.getResource("HandshakeCodecFuzzTestInputs").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String method : List.of("messages", "extensions", "certificatePath")) {
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

    private static void bounded(Target target) {
        long start = System.nanoTime();
        try {
            target.run();
        } catch (SslAlertException e) {
            assertNotNull(e.alert(), "SslAlertException without an alert");
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("escaped as " + e, e);
        }
        long took = System.nanoTime() - start;
        if (took > BOUND_NANOS) {
            throw new AssertionError("one input took " + took / 1_000_000 + " ms");
        }
    }

    private static X509Certificate load(String resource) {
        try (InputStream in = HandshakeCodecFuzzTest.class.getResourceAsStream(resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
