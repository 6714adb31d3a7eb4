package io.sslkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.HandshakeStep;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.ContentType;
import io.sslkit.record.Record;
import io.sslkit.record.RecordLayer;
import io.sslkit.record.RecordLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches a log line at any level: full and abbreviated handshakes (SSL 3.0, TLS 1.0, TLS 1.2; stream and
 * CBC suites), application data and closure run with every logger at TRACE into a file, and the file and every
 * listener event are searched for the master secret, the pre_master_secret and every MAC secret, key and IV, in hex
 * (either case, with or without separators) and Base64. The secrets come from the wire and the fixed server key
 * (see {@link KeyDerivation}), and are proved right by decrypting both Finished records with them.
 *
 * <p>Runs in a JVM of its own (a separate surefire execution): slf4j-simple reads its configuration once, when the
 * first logger is made.
 */
class NoSecretInLogsTest {
    static final Path LOG = Path.of("target", "no-secret-in-logs.log");

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        System.setProperty("org.slf4j.simpleLogger.logFile", LOG.toString());
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }

    private final List<String> events = new ArrayList<>();
    private final SslListener listener = new SslListener() {
        @Override
        public void handshakeStep(HandshakeStep step, String detail) {
            events.add(step + " " + detail);
        }

        @Override
        public void handshakeMessage(boolean sent, String type, int length) {
            events.add(sent + " " + type + " " + length);
        }
    };

    @Test
    void noSecretInAnyLogLineAtTrace() throws Exception {
        List<byte[]> secrets = new ArrayList<>();
        List<byte[]> publicValues = new ArrayList<>();
        String[][] runs = {{"SSLv3", "SSL_RSA_WITH_RC4_128_MD5"}, {"SSLv3", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"},
            {"TLSv1", "TLS_RSA_WITH_AES_128_CBC_SHA"}, {"TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA256"},
            {"TLSv1.2", "SSL_RSA_WITH_RC4_128_SHA"}};
        for (String[] run : runs) {
            ProtocolVersion v = ProtocolVersion.byName(run[0]).orElseThrow();
            SessionCache clientCache = new SessionCache();
            SessionCache serverCache = new SessionCache();
            byte[] master = null;
            for (int connection = 0; connection < 2; connection++) {
                // the second connection resumes the first one's session: an abbreviated handshake
                Conversation c = new Conversation(
                        Engines.clientEngine(Engines.client(21 + connection, v).cipherSuites(run[1])
                                .sessionCache(clientCache).listener(listener).build()),
                        Engines.serverEngine(Engines.server(31 + connection, v).cipherSuites(run[1])
                                .sessionCache(serverCache).listener(listener).build()),
                        true, master);
                assertNull(c.run(Integer.MAX_VALUE, null));
                assertTrue(c.client.isHandshakeComplete() && c.server.isHandshakeComplete(), run[1]);
                assertEquals(connection == 1, c.client.session().resumed());
                Wiretap.Secrets s = c.tap.secrets(master);
                master = s.masterSecret();
                secrets.addAll(s.all());
                if (connection == 0) {
                    secrets.add(KeyDerivation.preMasterSecret(v, c.tap.clientKeyExchange, Pki.RSA.key()));
                }
                publicValues.add(c.tap.clientRandom);
                proveKeys(c, s);
                exchangeData(c);
            }
        }

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("TRACE") || log.contains("DEBUG"), "logging at TRACE was not in effect");
        // a positive control: the engine does log public values in hex, so the search below would find secrets
        assertTrue(publicValues.stream().anyMatch(p -> contains(log, p)), "no random logged: search is blind");
        String allEvents = String.join("\n", events);
        for (byte[] secret : secrets) {
            assertFalse(contains(log, secret), "a secret appears in the log: " + LOG);
            assertFalse(contains(allEvents, secret), "a secret appears in a listener event");
        }
    }

    /**
     * The derived keys are the real ones: each side's first protected record (its Finished) decrypts and passes the
     * MAC check under them, which a wrong master secret, key, MAC secret or IV could not do.
     */
    static void proveKeys(Conversation c, Wiretap.Secrets s) throws Exception {
        for (boolean client : new boolean[] {true, false}) {
            RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
            reader.setVersion(s.version());
            reader.setPendingRead(client ? s.clientWrite(false) : s.serverWrite(false));
            reader.changeReadCipherSpec();
            Record finished = reader.read(ByteBuffer.wrap(c.protectedRecords(client)));
            assertEquals(ContentType.HANDSHAKE, finished.type());
            assertEquals(20, finished.fragment().get(finished.fragment().position()), "not a Finished message");
        }
    }

    /** Application data and closure, so that their code paths log too. */
    static void exchangeData(Conversation c) throws Exception {
        byte[] data = "secret-free payload".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer net = ByteBuffer.allocate(c.client.packetBufferSize() * 2);
        c.client.wrap(ByteBuffer.wrap(data), net);
        c.client.closeOutbound();
        c.client.wrap(ByteBuffer.allocate(0), net);
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(c.server.applicationBufferSize());
        while (net.hasRemaining() && c.server.unwrap(net, app).status() == SslEngine.Status.OK) {
            // the server takes the data and the close_notify
        }
        app.flip();
        assertEquals(new String(data, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII.decode(app).toString());
    }

    /** Hex in either case, with ':' or ' ' separators or none, and Base64 (standard and URL-safe, unpadded too). */
    static boolean contains(String text, byte[] secret) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String sep : new String[] {"", ":", " "}) {
            if (lower.contains(HexFormat.ofDelimiter(sep).formatHex(secret))) {
                return true;
            }
        }
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(secret);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return text.contains(b64) || text.contains(url);
    }
}
