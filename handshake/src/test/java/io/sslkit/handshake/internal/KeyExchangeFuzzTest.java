package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer targets for the ServerKeyExchange and ClientKeyExchange bodies. Their parsers live in the cipher modules'
 * internal packages, so they are reached as the handshake reaches them: through the {@link KeyExchange} SPI from the
 * registry, with a real {@link ExchangeContext}. Same invariants as {@link HandshakeCodecFuzzTest}, plus what each
 * exchange promises about the secret it returns.
 *
 * <p>Byte 0 of an input picks the exchange (bits 0-2, modulo 5: RSA, RSA_EXPORT, DHE_DSS, DHE_DSS_EXPORT,
 * FORTEZZA_KEA), the version (bits 3-4: SSL 3.0 to TLS 1.2), two flags (bits 5-6, below) and, for FORTEZZA_KEA, the
 * bulk cipher (bit 7: RC4_128, else SKIPJACK_CBC, whose keys travel in the exchange); the rest is the body.
 */
class KeyExchangeFuzzTest {
    /** Diffie-Hellman up to 8192 bits and RSA keys are built per input: more fixed room than a pure parser. */
    private static final long FIXED_BYTES = 32L << 20;
    private static final long BYTES_PER_INPUT_BYTE = 256;
    /** The server's randomness, the same for every input, so that its DH key and R_s match the seeds. */
    private static final long SERVER_SEED = 1;
    private static final int PRE_MASTER_SECRET_LENGTH = 48;
    /** Z is shorter than p, which the client takes up to 8192 bits (DheClient.MAX_BITS). */
    private static final int MAX_DH_SECRET_BYTES = 8192 / 8;

    record Setup(KeyExchange exchange, ProtocolVersion version, boolean flag1, boolean flag2, String bulkCipher) {
        static Setup of(byte selector) {
            int s = selector & 0xFF;
            return new Setup(KeyExchangeFixture.exchange(KeyExchangeFixture.EXCHANGES.get((s & 7) % 5)),
                    KeyExchangeFixture.VERSIONS.get((s >> 3) & 3), (s & 0x20) != 0, (s & 0x40) != 0,
                    (s & 0x80) != 0 ? "RC4_128" : "SKIPJACK_CBC");
        }

        boolean fortezza() {
            return "KEA".equals(exchange.serverKeyAlgorithm());
        }
    }

    /**
     * The client receiving a ServerKeyExchange. Flag 1: the body is only the parameters, and the harness appends
     * the signature a genuine server would make over them, so that the checks behind the signature (group size,
     * public value range, temporary key) are fuzzed too; flag 2: no ServerKeyExchange at all. An accepted body must
     * lead to a ClientKeyExchange and a pre_master_secret.
     */
    @FuzzTest
    void serverKeyExchange(byte[] data) {
        HandshakeCodecFuzzTest.bounded(FIXED_BYTES + BYTES_PER_INPUT_BYTE * data.length,
                () -> receiveServerKeyExchange(data));
    }

    /**
     * The server receiving a ClientKeyExchange after sending its own ServerKeyExchange (if any). RSA must never
     * refuse a body framed right (RFC 5246 §7.4.7.1: a bad padding yields a random secret, not an alert); every
     * exchange returns a secret of the right size. For FORTEZZA_KEA flag 1 makes the client authenticated with the
     * DSA certificate, flag 2 with a KEA certificate.
     */
    @FuzzTest
    void clientKeyExchange(byte[] data) {
        HandshakeCodecFuzzTest.bounded(FIXED_BYTES + BYTES_PER_INPUT_BYTE * data.length,
                () -> receiveClientKeyExchange(data, SERVER_SEED));
    }

    /**
     * Seeds come from our own server and client halves over the fixed context ({@link KeyExchangeSeeds}); each must
     * be accepted, or the fuzzer would start from a refusal. An RSA ClientKeyExchange must moreover decrypt to the
     * same secret whatever the server's randomness: a bad padding would give a different random substitute each time.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void seedIsAccepted(String method, Path seed) throws Exception {
        byte[] data = Files.readAllBytes(seed);
        if (method.equals("serverKeyExchange")) {
            receiveServerKeyExchange(data);
            return;
        }
        byte[] secret = receiveClientKeyExchange(data, SERVER_SEED);
        if (Setup.of(data[0]).exchange().name().equals("RSA")) {
            assertArrayEquals(secret, receiveClientKeyExchange(data, SERVER_SEED + 1), "RSA seed badly padded");
        }
    }

    static Stream<Arguments> seeds() throws Exception {
        Path root = Path.of(KeyExchangeFuzzTest.class.getResource("KeyExchangeFuzzTestInputs").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String method : List.of("serverKeyExchange", "clientKeyExchange")) {
            try (Stream<Path> files = Files.list(root.resolve(method))) {
                files.filter(f -> !f.getFileName().toString().startsWith("crash-")).sorted()
                        .forEach(f -> out.add(Arguments.of(method, f)));
            }
        }
        return out.stream();
    }

    static void receiveServerKeyExchange(byte[] data) throws SslAlertException {
        if (data.length == 0) {
            return;
        }
        Setup s = Setup.of(data[0]);
        byte[] body = s.flag2() ? null : Arrays.copyOfRange(data, 1, data.length);
        if (body != null && s.flag1() && !s.fortezza()) {
            ExchangeContext server = KeyExchangeFixture.server(s.exchange(), s.version(), s.bulkCipher(),
                    SERVER_SEED);
            body = Bytes.concat(body, server.signParameters(body));
        }
        KeyExchange.Client client = s.exchange().newClient(
                KeyExchangeFixture.client(s.exchange(), s.version(), s.bulkCipher(), 2));
        client.processServerKeyExchange(body);
        byte[] clientKeyExchange = client.clientKeyExchange();
        assertTrue(clientKeyExchange.length > 0, "empty ClientKeyExchange");
        int secretLength = client.preMasterSecret().length;
        if (s.exchange().name().startsWith("DHE")) {
            assertTrue(secretLength > 0 && secretLength <= MAX_DH_SECRET_BYTES, "DH secret of " + secretLength);
        } else {
            assertEquals(PRE_MASTER_SECRET_LENGTH, secretLength, "pre_master_secret length");
        }
    }

    static byte[] receiveClientKeyExchange(byte[] data, long serverSeed) throws SslAlertException {
        if (data.length == 0) {
            return null;
        }
        Setup s = Setup.of(data[0]);
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        ExchangeContext context = KeyExchangeFixture.server(s.exchange(), s.version(), s.bulkCipher(), serverSeed);
        if (s.fortezza() && (s.flag1() || s.flag2())) {
            context.clientCredential(s.flag1() ? KeyExchangeFixture.DSA.certificate()
                    : KeyExchangeFixture.KEA.certificate(), null);
        }
        KeyExchange.Server server = s.exchange().newServer(context);
        byte[] serverKeyExchange = server.serverKeyExchange();
        boolean rsa = s.exchange().serverKeyAlgorithm().equals("RSA");
        byte[] secret;
        try {
            secret = server.processClientKeyExchange(body);
        } catch (SslAlertException e) {
            if (rsa && framedRight(s.version(), body, rsaModulusLength(s, serverKeyExchange))) {
                throw new AssertionError("RSA refused a well-framed ClientKeyExchange: a padding oracle", e);
            }
            throw e;
        }
        if (s.exchange().name().startsWith("DHE")) {
            assertTrue(secret.length > 0 && secret.length <= MAX_DH_SECRET_BYTES, "DH secret of " + secret.length);
        } else {
            assertEquals(PRE_MASTER_SECRET_LENGTH, secret.length, "pre_master_secret length");
        }
        if (s.fortezza()) {
            assertEquals(s.bulkCipher().equals("SKIPJACK_CBC"), server.bulkKeys() != null,
                    "FortezzaKeys deliver the bulk keys exactly for SKIPJACK_CBC");
        }
        return secret;
    }

    /** The key that decrypts: the certificate's, or the temporary one sent in ServerRSAParams.rsa_modulus. */
    private static int rsaModulusLength(Setup s, byte[] serverKeyExchange) {
        if (serverKeyExchange == null) {
            RSAPublicKey key = (RSAPublicKey) KeyExchangeFixture.RSA.certificate().getPublicKey();
            return (key.getModulus().bitLength() + 7) / 8;
        }
        int length = ((serverKeyExchange[0] & 0xFF) << 8) | (serverKeyExchange[1] & 0xFF);
        // rsa_modulus may carry a leading zero byte; the block is as long as the modulus without it
        return serverKeyExchange[2] == 0 ? length - 1 : length;
    }

    /** SSL 3.0 sends the bare ciphertext, TLS puts a 2-byte length in front (RFC 5246 §7.4.7.1). */
    private static boolean framedRight(ProtocolVersion version, byte[] body, int modulusLength) {
        if (version.isSsl3()) {
            return body.length == modulusLength;
        }
        return body.length == 2 + modulusLength && ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) == modulusLength;
    }
}
