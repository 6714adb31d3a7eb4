package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.JsseSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against records from a real SunJSSE session: the layer reads what JSSE wrote in both directions (Finished and
 * application data), rewrites JSSE's own Finished record byte for byte where the protection is deterministic
 * (SSL 3.0 and TLS 1.0: no random IV), and JSSE accepts the application data the layer then writes.
 */
class JsseInteropTest {
    private static final byte[] CLIENT_MESSAGE = "GET / HTTP/1.0, through a record layer\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_MESSAGE = "HTTP/1.0 200 OK, from sslkit's record layer"
            .getBytes(StandardCharsets.US_ASCII);

    static List<Arguments> sessions() {
        return List.of(
                Arguments.of("SSLv3", "SSL_DH_anon_WITH_RC4_128_MD5", JcaBulkCipher.RC4_128, JcaDigest.MD5),
                Arguments.of("SSLv3", "SSL_DH_anon_WITH_3DES_EDE_CBC_SHA", JcaBulkCipher.DES_EDE_CBC, JcaDigest.SHA),
                Arguments.of("SSLv3", "SSL_DH_anon_WITH_DES_CBC_SHA", JcaBulkCipher.DES_CBC, JcaDigest.SHA),
                Arguments.of("TLSv1", "SSL_DH_anon_WITH_RC4_128_MD5", JcaBulkCipher.RC4_128, JcaDigest.MD5),
                Arguments.of("TLSv1", "TLS_DH_anon_WITH_AES_128_CBC_SHA", JcaBulkCipher.AES_128_CBC, JcaDigest.SHA),
                Arguments.of("TLSv1.1", "SSL_DH_anon_WITH_3DES_EDE_CBC_SHA", JcaBulkCipher.DES_EDE_CBC,
                        JcaDigest.SHA),
                Arguments.of("TLSv1.1", "TLS_DH_anon_WITH_AES_256_CBC_SHA", JcaBulkCipher.AES_256_CBC, JcaDigest.SHA),
                Arguments.of("TLSv1.2", "TLS_DH_anon_WITH_AES_128_CBC_SHA256", JcaBulkCipher.AES_128_CBC,
                        JcaDigest.SHA256));
    }

    /** One direction's keys, cut from the key_block in the order of RFC 5246 §6.3. */
    private record Keys(byte[] clientMac, byte[] serverMac, byte[] clientKey, byte[] serverKey, byte[] clientIv,
                        byte[] serverIv) {
        static Keys of(JsseSession s, JcaBulkCipher c, JcaDigest d, ProtocolVersion v) throws Exception {
            int ivLength = v.atLeast(ProtocolVersion.TLS_1_1) ? 0 : c.ivLength();
            int[] sizes = {d.length(), d.length(), c.keyLength(), c.keyLength(), ivLength, ivLength};
            byte[] block = s.keyBlock(Arrays.stream(sizes).sum());
            byte[][] parts = new byte[6][];
            int off = 0;
            for (int i = 0; i < 6; i++) {
                parts[i] = Arrays.copyOfRange(block, off, off + sizes[i]);
                off += sizes[i];
            }
            return new Keys(parts[0], parts[1], parts[2], parts[3], ivLength == 0 ? null : parts[4],
                    ivLength == 0 ? null : parts[5]);
        }
    }

    /** What one side's wire bytes hold once read by our layer: protected records after the CCS. */
    private record Read(List<Record> protectedRecords, byte[] applicationData, List<byte[]> rawProtected) {
    }

    private static Read readAll(byte[] wire, ProtocolVersion v, CipherState keys) throws Exception {
        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        // The layer decrypts in place: read a copy, so that the raw records stay as JSSE wrote them.
        ByteBuffer in = ByteBuffer.wrap(wire.clone());
        List<Record> protectedRecords = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        ByteArrayOutputStream app = new ByteArrayOutputStream();
        boolean changed = false;
        while (in.hasRemaining()) {
            int start = in.position();
            Record r = reader.read(in);
            assertNotNull(r, "JSSE wrote an incomplete record");
            if (changed) {
                byte[] f = new byte[r.fragment().remaining()];
                r.fragment().get(f);
                protectedRecords.add(new Record(r.type(), ByteBuffer.wrap(f)));
                raw.add(Arrays.copyOfRange(wire, start, in.position()));
                if (r.type() == ContentType.APPLICATION_DATA) {
                    app.writeBytes(f);
                }
            } else if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
                ChangeCipherSpec.check(r, v);
                reader.setVersion(v);
                reader.setPendingRead(keys);
                reader.changeReadCipherSpec();
                changed = true;
            }
        }
        return new Read(protectedRecords, app.toByteArray(), raw);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sessions")
    void recordsOfARealJsseSession(String protocol, String suite, JcaBulkCipher cipher, JcaDigest digest)
            throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(protocol).orElseThrow();
        JsseSession jsse = new JsseSession(protocol, suite);
        jsse.pump(ByteBuffer.wrap(CLIENT_MESSAGE), ByteBuffer.allocate(0));
        assertArrayEquals(CLIENT_MESSAGE, jsse.takeServerApp());
        Keys k = Keys.of(jsse, cipher, digest, v);

        // Client to server: Finished, then the application data, read with the client's write keys.
        Read fromClient = readAll(jsse.clientWire.toByteArray(), v,
                CipherState.create(v, cipher, digest, k.clientMac(), k.clientKey(), k.clientIv(), false));
        Record clientFinished = fromClient.protectedRecords().get(0);
        assertEquals(ContentType.HANDSHAKE, clientFinished.type());
        assertEquals(20, clientFinished.fragment().get(0), "HandshakeType finished");
        assertArrayEquals(CLIENT_MESSAGE, fromClient.applicationData());

        // Server to client: its Finished, read with the server's write keys.
        Read fromServer = readAll(jsse.serverWire.toByteArray(), v,
                CipherState.create(v, cipher, digest, k.serverMac(), k.serverKey(), k.serverIv(), false));
        assertEquals(1, fromServer.protectedRecords().size());
        Record serverFinished = fromServer.protectedRecords().get(0);
        assertEquals(20, serverFinished.fragment().get(0), "HandshakeType finished");

        // Our writer in the server's place: the same Finished again (byte for byte where no random IV is involved),
        // which also brings the CBC chain or key stream to where JSSE left it; then our application data.
        RecordLayer writer = new RecordLayer(RecordLimits.DEFAULT);
        writer.setVersion(v);
        writer.setPendingWrite(CipherState.create(v, cipher, digest, k.serverMac(), k.serverKey(), k.serverIv(),
                true));
        writer.changeWriteCipherSpec();
        ByteBuffer out = ByteBuffer.allocate(4096);
        writer.write(ContentType.HANDSHAKE, serverFinished.fragment().duplicate(), out);
        byte[] ourFinished = Arrays.copyOf(out.array(), out.position());
        if (!v.atLeast(ProtocolVersion.TLS_1_1)) {
            assertArrayEquals(fromServer.rawProtected().get(0), ourFinished, "Finished record as JSSE wrote it");
        } else {
            assertEquals(fromServer.rawProtected().get(0).length, ourFinished.length);
        }
        out.clear();
        writer.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(SERVER_MESSAGE), out);
        jsse.deliverToClient(Arrays.copyOf(out.array(), out.position()));
        assertArrayEquals(SERVER_MESSAGE, jsse.takeClientApp(), "JSSE decrypted what the layer wrote");
        assertTrue(jsse.client.getSession().isValid());
    }
}
