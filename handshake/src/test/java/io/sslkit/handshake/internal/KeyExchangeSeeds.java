package io.sslkit.handshake.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.KeyExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the seeds of {@link KeyExchangeFuzzTest} and of the {@code finished} and {@code serverName} targets of
 * {@link HandshakeCodecFuzzTest}: messages made by our own server and client halves over
 * {@link KeyExchangeFixture}'s fixed context (no other peer speaks FORTEZZA_KEA), each prefixed with the selector
 * byte that makes the target read it the same way. Run after a change to the fixture or a wire format:
 * {@code java -cp target/test-classes:<test classpath> io.sslkit.handshake.internal.KeyExchangeSeeds
 * src/test/resources}.
 */
final class KeyExchangeSeeds {
    private static final int RSA = 0;
    private static final int RSA_EXPORT = 1;
    private static final int DHE_DSS = 2;
    private static final int DHE_DSS_EXPORT = 3;
    private static final int FORTEZZA_KEA = 4;
    private static final int PARAMS_ONLY = 0x20;
    private static final int NO_MESSAGE = 0x40;
    private static final int RC4 = 0x80;

    private final Path root;

    private KeyExchangeSeeds(Path resources) {
        this.root = resources.resolve("io/sslkit/handshake/internal");
    }

    public static void main(String[] args) throws Exception {
        KeyExchangeSeeds seeds = new KeyExchangeSeeds(Path.of(args[0]));
        seeds.keyExchanges();
        seeds.finished();
        seeds.serverNames();
    }

    private void keyExchanges() throws Exception {
        int[][] serverKeyExchanges = {
            {RSA_EXPORT, 0}, {RSA_EXPORT, 1}, {DHE_DSS, 0}, {DHE_DSS, 1}, {DHE_DSS, 3}, {DHE_DSS_EXPORT, 1},
            {FORTEZZA_KEA, 0}, {FORTEZZA_KEA | RC4, 0}, {RSA | NO_MESSAGE, 3}, {DHE_DSS | PARAMS_ONLY, 3},
            {RSA_EXPORT | PARAMS_ONLY, 1}};
        for (int[] c : serverKeyExchanges) {
            int selector = c[0] | c[1] << 3;
            byte[] body = serverKeyExchange(selector);
            if ((selector & PARAMS_ONLY) != 0) {
                body = Arrays.copyOf(body, paramsLength(body, (selector & 7) == DHE_DSS ? 3 : 2));
            }
            write("KeyExchangeFuzzTestInputs/serverKeyExchange", selector, (selector & NO_MESSAGE) != 0
                    ? new byte[0] : body);
        }
        int[][] clientKeyExchanges = {
            {RSA, 0}, {RSA, 1}, {RSA, 3}, {RSA_EXPORT, 0}, {RSA_EXPORT, 1}, {DHE_DSS, 0}, {DHE_DSS, 1},
            {DHE_DSS, 3}, {DHE_DSS_EXPORT, 1}, {FORTEZZA_KEA, 0}, {FORTEZZA_KEA | RC4, 0}};
        for (int[] c : clientKeyExchanges) {
            int selector = c[0] | c[1] << 3;
            KeyExchangeFuzzTest.Setup s = KeyExchangeFuzzTest.Setup.of((byte) selector);
            KeyExchange.Client client = s.exchange().newClient(
                    KeyExchangeFixture.client(s.exchange(), s.version(), s.bulkCipher(), 3));
            client.processServerKeyExchange(serverKeyExchange(selector));
            write("KeyExchangeFuzzTestInputs/clientKeyExchange", selector, client.clientKeyExchange());
        }
    }

    /** What our server sends, from the same randomness the fuzz target gives it. */
    private static byte[] serverKeyExchange(int selector) throws Exception {
        KeyExchangeFuzzTest.Setup s = KeyExchangeFuzzTest.Setup.of((byte) selector);
        return s.exchange().newServer(KeyExchangeFixture.server(s.exchange(), s.version(), s.bulkCipher(), 1))
                .serverKeyExchange();
    }

    /** The length of the first {@code vectors} 2-byte-length vectors of {@code body}. */
    private static int paramsLength(byte[] body, int vectors) {
        int offset = 0;
        for (int i = 0; i < vectors; i++) {
            offset += 2 + (((body[offset] & 0xFF) << 8) | (body[offset + 1] & 0xFF));
        }
        return offset;
    }

    private void finished() throws Exception {
        for (int selector = 0; selector < 8; selector++) {
            ProtocolVersion version = KeyExchangeFixture.VERSIONS.get(selector & 3);
            KeySchedule schedule = KeySchedule.of(version, HandshakeCodecFuzzTest.FINISHED_SUITE,
                    Digests.of(KeyExchangeFixture.REGISTRY));
            write("HandshakeCodecFuzzTestInputs/finished", selector, schedule.finished(
                    HandshakeCodecFuzzTest.MASTER_SECRET, HandshakeCodecFuzzTest.FINISHED_TRANSCRIPT,
                    (selector & 4) != 0));
        }
    }

    /** The OpenSSL ClientHello's server_name, and ours. */
    private void serverNames() throws Exception {
        byte[] seed = Files.readAllBytes(root.resolve("HandshakeCodecFuzzTestInputs/messages/client-hello-tls12"));
        ClientHello hello = ClientHello.decode(Arrays.copyOfRange(seed, 1, seed.length));
        Path dir = Files.createDirectories(root.resolve("HandshakeCodecFuzzTestInputs/serverName"));
        Files.write(dir.resolve("openssl-client-hello"),
                Extension.find(hello.extensions(), Extension.SERVER_NAME).data());
        Files.write(dir.resolve("sslkit-client-hello"),
                ClientHandshaker.serverName("www.example.com").data());
    }

    private void write(String folder, int selector, byte[] body) throws IOException {
        Path dir = root.resolve(folder);
        Files.createDirectories(dir);
        byte[] data = new byte[1 + body.length];
        data[0] = (byte) selector;
        System.arraycopy(body, 0, data, 1, body.length);
        KeyExchangeFuzzTest.Setup s = KeyExchangeFuzzTest.Setup.of((byte) selector);
        String name = folder.contains("KeyExchange")
                ? s.exchange().name().toLowerCase() + "-" + s.version().standardName().toLowerCase()
                        + ((selector & RC4) != 0 ? "-rc4" : "") + ((selector & PARAMS_ONLY) != 0 ? "-params-only" : "")
                        + ((selector & NO_MESSAGE) != 0 ? "-none" : "")
                : KeyExchangeFixture.VERSIONS.get(selector & 3).standardName().toLowerCase()
                        + ((selector & 4) != 0 ? "-client" : "-server");
        Files.write(dir.resolve(name), data);
    }
}
