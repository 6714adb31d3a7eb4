package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import io.sslkit.record.CipherState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What fuzzer mode skips, and that without it the same tampering still fails: the two handshakers talk directly
 * (no record layer), one message is corrupted on the way. Off, a wrong Finished or a bad ServerKeyExchange /
 * CertificateVerify signature is decrypt_error (SSL 3.0: handshake_failure once the alert layer maps it, which is
 * not in play here); on, the handshake completes. The engine-level half of fuzzer mode (null cipher after
 * ChangeCipherSpec) is what {@link FuzzerModeEngineFuzzTest#seedsReachApplicationData} proves, with and without it.
 */
class FuzzerModeTest {
    @ParameterizedTest(name = "{0} {1}, corrupt the {2} from the {3}, fuzzer mode {4}")
    @CsvSource({
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256, FINISHED, client, false",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256, FINISHED, client, true",
        "SSLv3, SSL_RSA_WITH_RC4_128_MD5, FINISHED, server, false",
        "SSLv3, SSL_RSA_WITH_RC4_128_MD5, FINISHED, server, true",
        "TLSv1, SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA, SERVER_KEY_EXCHANGE, server, false",
        "TLSv1, SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA, SERVER_KEY_EXCHANGE, server, true",
        "TLSv1.2, SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA, SERVER_KEY_EXCHANGE, server, false",
        "TLSv1.2, SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA, SERVER_KEY_EXCHANGE, server, true",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA, CERTIFICATE_VERIFY, client, false",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA, CERTIFICATE_VERIFY, client, true",
        "SSLv3, SSL_RSA_WITH_3DES_EDE_CBC_SHA, CERTIFICATE_VERIFY, client, false",
        "SSLv3, SSL_RSA_WITH_3DES_EDE_CBC_SHA, CERTIFICATE_VERIFY, client, true"})
    void corruptedCheck(String version, String suite, HandshakeType corrupted, String from, boolean fuzzerMode)
            throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(version).orElseThrow();
        SslConfig clientConfig = FuzzerModeEngines.client().protocols(v).cipherSuites(suite).build();
        SslConfig serverConfig = FuzzerModeEngines.server().protocols(v).cipherSuites(suite)
                .clientAuth(corrupted == HandshakeType.CERTIFICATE_VERIFY ? ClientAuth.NEED : ClientAuth.NONE).build();
        Side client = new Side(fuzzerMode);
        Side server = new Side(fuzzerMode);
        SessionStore cache = new SessionStore(10, Duration.ofHours(1));
        client.handshaker = Handshaker.client(clientConfig, client, cache, "localhost", 443, null);
        server.handshaker = Handshaker.server(serverConfig, server, cache, null);
        client.handshaker.start();
        Side sender = from.equals("client") ? client : server;
        sender.corrupt = corrupted;
        for (int round = 0; round < 10 && !(client.done() && server.done()); round++) {
            try {
                client.deliverTo(server);
                server.deliverTo(client);
            } catch (SslAlertException e) {
                assertTrue(!fuzzerMode, () -> "fuzzer mode still checked: " + e.getMessage());
                assertEquals(AlertDescription.DECRYPT_ERROR, e.alert(), e::getMessage);
                return;
            }
        }
        assertTrue(fuzzerMode, "a corrupted " + corrupted + " was accepted without fuzzer mode");
        assertTrue(client.done() && server.done(), "fuzzer mode did not get past the corrupted " + corrupted);
        assertTrue(sender.corrupted, corrupted + " was never sent");
    }

    /** One side's HandshakeOutput: a queue of messages and ChangeCipherSpecs for the other side. */
    static final class Side implements HandshakeOutput {
        private static final HandshakeMessage CCS = HandshakeMessage.of(HandshakeType.HELLO_REQUEST, new byte[0]);
        final boolean fuzzerMode;
        final Deque<HandshakeMessage> queue = new ArrayDeque<>();
        Handshaker handshaker;
        HandshakeType corrupt;
        boolean corrupted;

        Side(boolean fuzzerMode) {
            this.fuzzerMode = fuzzerMode;
        }

        boolean done() {
            return handshaker.isComplete();
        }

        void deliverTo(Side peer) throws SslAlertException {
            while (!queue.isEmpty()) {
                HandshakeMessage m = queue.poll();
                if (m == CCS) {
                    peer.handshaker.receiveChangeCipherSpec();
                } else {
                    peer.handshaker.receive(m);
                }
            }
        }

        @Override
        public void message(HandshakeMessage m) {
            if (m.type() == corrupt && !corrupted) {
                // the last byte is in verify_data or in the signature in every case tested
                byte[] body = Arrays.copyOf(m.body(), m.body().length);
                body[body.length - 1] ^= 1;
                m = HandshakeMessage.of(m.type(), body);
                corrupted = true;
            }
            queue.add(m);
        }

        @Override
        public void changeCipherSpec(CipherState write) {
            queue.add(CCS);
        }

        @Override
        public void expectChangeCipherSpec(CipherState read) {
        }

        @Override
        public void warning(AlertDescription description) {
            throw new AssertionError("unexpected warning " + description + " (" + AlertLevel.WARNING + ")");
        }

        @Override
        public boolean fuzzerMode() {
            return fuzzerMode;
        }
    }
}
