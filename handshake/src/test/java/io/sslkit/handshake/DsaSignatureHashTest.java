package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Which hash a TLS 1.2 server signs its DHE_DSS ServerKeyExchange with, given the client's signature_algorithms. */
class DsaSignatureHashTest {
    static final int DSA_SHA1 = 0x0202;
    static final int DSA_SHA256 = 0x0402;
    /** TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA, TLS_DHE_DSS_WITH_AES_128_CBC_SHA, TLS_DHE_DSS_WITH_AES_128_CBC_SHA256. */
    static final int[] DHE_DSS_SUITES = {0x0013, 0x0032, 0x0040};

    final TestPki pki = TestPki.get();

    /** The SignatureAndHashAlgorithm of the ServerKeyExchange the server answers a ClientHello with. */
    int serverKeyExchangeSignature(TestPki.Identity key, int... clientList) {
        SslEngine server = SslEngine.server(SslConfig.server().policy(Policy.LEGACY)
                .registry(LoopbackHandshakeTest.REGISTRY).protocols(ProtocolVersion.TLS_1_2)
                .credential(key.key(), key.chain()).build());
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (int a : clientList) {
            list.write(a >>> 8);
            list.write(a);
        }
        byte[] algorithms = list.toByteArray();
        byte[] extension = Wire.concat(new byte[] {0x00, 0x0d, 0, (byte) (algorithms.length + 2), 0,
                (byte) algorithms.length}, algorithms);
        byte[] extensions = Wire.concat(new byte[] {0, (byte) extension.length}, extension);
        byte[] hello = Wire.handshake(1, Wire.clientHello(0x0303, DHE_DSS_SUITES, extensions));
        assertNull(Wire.feed(server, Wire.record(Wire.HANDSHAKE, 0x0301, hello)));
        byte[] messages = handshakeBytes(Wire.drain(server));
        int i = 0;
        while (i + 4 <= messages.length) {
            int type = messages[i] & 0xFF;
            int length = ((messages[i + 1] & 0xFF) << 16) | ((messages[i + 2] & 0xFF) << 8) | (messages[i + 3] & 0xFF);
            if (type == 12) {
                // ServerDHParams: dh_p, dh_g, dh_Ys (each opaque<1..2^16-1>), then the SignatureAndHashAlgorithm
                int at = i + 4;
                for (int v = 0; v < 3; v++) {
                    at += 2 + (((messages[at] & 0xFF) << 8) | (messages[at + 1] & 0xFF));
                }
                return ((messages[at] & 0xFF) << 8) | (messages[at + 1] & 0xFF);
            }
            i += 4 + length;
        }
        throw new AssertionError("no ServerKeyExchange");
    }

    /** The fragments of the plaintext handshake records in {@code wire}, joined. */
    static byte[] handshakeBytes(byte[] wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i + 5 <= wire.length) {
            int length = ((wire[i + 3] & 0xFF) << 8) | (wire[i + 4] & 0xFF);
            if (wire[i] == Wire.HANDSHAKE) {
                out.write(wire, i + 5, length);
            }
            i += 5 + length;
        }
        return out.toByteArray();
    }

    @Test
    void aLongQGetsSha256EvenWhenTheClientListsSha1First() {
        assertEquals(DSA_SHA256, serverKeyExchangeSignature(pki.dsa2048Server, DSA_SHA1, DSA_SHA256));
    }

    @Test
    void onlySha1ListedStillSigns() {
        assertEquals(DSA_SHA1, serverKeyExchangeSignature(pki.dsa2048Server, DSA_SHA1));
    }

    @Test
    void a160BitQSignsWithWhatTheClientLists() {
        assertEquals(DSA_SHA1, serverKeyExchangeSignature(pki.dsaServer, DSA_SHA1));
        assertEquals(DSA_SHA256, serverKeyExchangeSignature(pki.dsaServer, DSA_SHA256));
    }
}
