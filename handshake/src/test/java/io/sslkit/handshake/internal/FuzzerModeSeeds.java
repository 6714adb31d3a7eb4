package io.sslkit.handshake.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seeds of {@link FuzzerModeEngineFuzzTest}: our real client against our real server, both in fuzzer mode with
 * the deterministic random and the fixed clock, through a whole conversation (handshake, application data both
 * ways, a renegotiation where the version has one, close_notify both ways); a seed is what one side received. The
 * server target's seeds talk to the fixed server victim with varying clients, the client target's to the fixed
 * client victim with varying servers.
 *
 * <p>Regenerate after a wire-format change (from the handshake directory):
 * {@code mvn -o test -Dtest='FuzzerModeEngineFuzzTest#seedsAreCurrent' -Dfuzzermode.writeSeeds=true}, or run
 * {@link #main} with {@code src/test/resources}.
 */
final class FuzzerModeSeeds {
    static final String REQUEST = "GET / HTTP/1.0\r\n\r\n";
    static final String RESPONSE = "HTTP/1.0 200 OK\r\n\r\nhello";

    private FuzzerModeSeeds() {
    }

    /** Whether a conversation renegotiates, and if so by resuming its session or with a full handshake. */
    enum Renegotiation { NONE, RESUMED, FULL }

    /** Seed name to bytes, per target method ("server", "client"), in a fixed order. */
    static Map<String, Map<String, byte[]>> generate() {
        Map<String, byte[]> server = new LinkedHashMap<>();
        server.put("ssl3-rsa-rc4-md5",
                fromClient(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5", false, Renegotiation.NONE));
        server.put("ssl3-rsa-3des",
                fromClient(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_3DES_EDE_CBC_SHA", false, Renegotiation.NONE));
        server.put("tls10-dhe-dss-renegotiation",
                fromClient(ProtocolVersion.TLS_1_0, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", false, Renegotiation.RESUMED));
        server.put("tls11-rsa-aes-cbc-full-renegotiation",
                fromClient(ProtocolVersion.TLS_1_1, "TLS_RSA_WITH_AES_128_CBC_SHA", false, Renegotiation.FULL));
        server.put("tls12-rsa-aes-cbc-client-auth-renegotiation",
                fromClient(ProtocolVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_CBC_SHA256", true, Renegotiation.RESUMED));
        Map<String, byte[]> client = new LinkedHashMap<>();
        client.put("ssl3-rsa-rc4-md5",
                fromServer(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_MD5", false, Renegotiation.NONE));
        client.put("ssl3-rsa-3des-client-auth",
                fromServer(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_3DES_EDE_CBC_SHA", true, Renegotiation.NONE));
        client.put("tls10-dhe-dss-renegotiation",
                fromServer(ProtocolVersion.TLS_1_0, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", false, Renegotiation.RESUMED));
        client.put("tls11-dhe-dss-client-auth-full-renegotiation",
                fromServer(ProtocolVersion.TLS_1_1, "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", true, Renegotiation.FULL));
        client.put("tls12-rsa-aes-cbc-client-auth-renegotiation",
                fromServer(ProtocolVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_CBC_SHA", true, Renegotiation.RESUMED));
        return Map.of("server", server, "client", client);
    }

    /** What the server victim receives from a client of this version and suite (with its certificate or not). */
    static byte[] fromClient(ProtocolVersion v, String suite, boolean clientCertificate, Renegotiation renegotiate) {
        SslConfig.Builder c = (clientCertificate ? FuzzerModeEngines.client()
                : FuzzerModeEngines.clientWithoutCertificate()).protocols(v).cipherSuites(suite);
        return converse(c.build(), FuzzerModeEngines.server().build(), renegotiate, true).toServer.toByteArray();
    }

    /** What the client victim receives from a server of this version and suite (asking for a certificate or not). */
    static byte[] fromServer(ProtocolVersion v, String suite, boolean requestCertificate, Renegotiation renegotiate) {
        SslConfig server = FuzzerModeEngines.server().protocols(v).cipherSuites(suite)
                .clientAuth(requestCertificate ? ClientAuth.NEED : ClientAuth.NONE).build();
        return converse(FuzzerModeEngines.client().build(), server, renegotiate, false).toClient.toByteArray();
    }

    /** Writes every seed under {@code resources} (a module's src/test/resources). */
    static void write(Path resources) throws IOException {
        Path root = resources.resolve("io/sslkit/handshake/internal/FuzzerModeEngineFuzzTestInputs");
        for (Map.Entry<String, Map<String, byte[]>> target : generate().entrySet()) {
            Path dir = root.resolve(target.getKey());
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> seed : target.getValue().entrySet()) {
                Files.write(dir.resolve("seed-" + seed.getKey()), seed.getValue());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
    }

    /**
     * Handshake, request and response, a renegotiation (started by the client when the server is the victim, by the
     * server's HelloRequest when the client is) followed by more data, then close_notify from the client and the
     * server's reply.
     */
    static Conversation converse(SslConfig clientConfig, SslConfig serverConfig, Renegotiation renegotiate,
                                 boolean clientStartsRenegotiation) {
        Conversation c = new Conversation(FuzzerModeEngines.clientEngine(clientConfig, true),
                FuzzerModeEngines.serverEngine(serverConfig, true));
        try {
            c.settle();
            c.exchangeData();
            if (renegotiate != Renegotiation.NONE) {
                if (renegotiate == Renegotiation.FULL) {
                    // Nothing to resume: the renegotiation is a full handshake under the first one's keys.
                    c.client.session().invalidate();
                }
                (clientStartsRenegotiation ? c.client : c.server).beginHandshake();
                c.settle();
                c.exchangeData();
            }
            c.client.closeOutbound();
            c.settle();
        } catch (SslAlertException e) {
            throw new IllegalStateException("seed conversation failed", e);
        }
        if (!c.server.closeNotifyReceived() || !c.client.closeNotifyReceived()) {
            throw new IllegalStateException("seed conversation did not close cleanly: " + c.client.failure() + " / "
                    + c.server.failure());
        }
        return c;
    }

    /** Two engines back to back, keeping every byte each one received. */
    static final class Conversation {
        final SslEngine client;
        final SslEngine server;
        final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        final ByteArrayOutputStream toClient = new ByteArrayOutputStream();

        Conversation(SslEngine client, SslEngine server) {
            this.client = client;
            this.server = server;
        }

        void settle() throws SslAlertException {
            for (int round = 0; round < 20; round++) {
                int moved = pass(client, server, toServer, null) + pass(server, client, toClient, null);
                if (moved == 0) {
                    return;
                }
            }
            throw new IllegalStateException("conversation did not settle");
        }

        void exchangeData() throws SslAlertException {
            pass(client, server, toServer, REQUEST);
            pass(server, client, toClient, RESPONSE);
        }

        /** Wraps everything {@code from} has (and {@code data}), unwraps it all at {@code to}; returns the bytes. */
        private static int pass(SslEngine from, SslEngine to, ByteArrayOutputStream log, String data)
                throws SslAlertException {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteBuffer src = ByteBuffer.wrap(data == null ? new byte[0] : data.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer net = ByteBuffer.allocate(from.packetBufferSize());
            while (true) {
                net.clear();
                if (from.wrap(src, net).bytesProduced() == 0) {
                    break;
                }
                wire.write(net.array(), 0, net.position());
            }
            if (src.hasRemaining()) {
                throw new IllegalStateException("application data held back");
            }
            byte[] bytes = wire.toByteArray();
            log.write(bytes, 0, bytes.length);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            ByteBuffer app = ByteBuffer.allocate(to.applicationBufferSize());
            while (in.hasRemaining()) {
                app.clear();
                if (to.unwrap(in, app).status() != SslEngine.Status.OK) {
                    break;
                }
            }
            return bytes.length;
        }
    }
}
