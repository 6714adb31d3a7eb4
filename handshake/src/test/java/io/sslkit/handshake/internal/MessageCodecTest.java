package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codecs: what they encode they decode, and every length is checked against the RFC's limits. */
class MessageCodecTest {
    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    static AlertDescription failure(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(SslAlertException.class, e).alert();
    }

    @Test
    void clientHelloRoundTripWithExtensions() throws Exception {
        ClientHello h = new ClientHello(0x0303, new byte[32], hex("0102"), new int[] {4, 5, 0xFF}, new byte[] {0},
                List.of(new Extension(0, hex("000a00000774657374696e67")), new Extension(23, new byte[0])));
        ClientHello back = ClientHello.decode(h.encode());
        assertEquals(0x0303, back.clientVersion());
        assertArrayEquals(hex("0102"), back.sessionId());
        assertArrayEquals(new int[] {4, 5, 0xFF}, back.cipherSuites());
        assertEquals(2, back.extensions().size());
        assertArrayEquals(hex("000a00000774657374696e67"), back.extensions().get(0).data());
    }

    @Test
    void clientHelloWithoutExtensionsHasAnEmptyList() throws Exception {
        ClientHello h = new ClientHello(0x0300, new byte[32], new byte[0], new int[] {4}, new byte[] {0}, List.of());
        assertEquals(List.of(), ClientHello.decode(h.encode()).extensions());
    }

    @Test
    void clientHelloLimits() {
        byte[] ok = new ClientHello(0x0300, new byte[32], new byte[0], new int[] {4}, new byte[] {0}, List.of())
                .encode();
        byte[] noSuites = ok.clone();
        noSuites[36] = 0;
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> ClientHello.decode(noSuites)));
        byte[] noCompression = java.util.Arrays.copyOf(ok, ok.length);
        noCompression[ok.length - 2] = 0;
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> ClientHello.decode(noCompression)));
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> ClientHello.decode(trailing)));
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> ClientHello.decode(new byte[10])));
    }

    @Test
    void serverHelloRoundTrip() throws Exception {
        byte[] random = new byte[32];
        random[31] = 9;
        ServerHello h = new ServerHello(0x0300, random, new byte[32], 0x000A, 0,
                List.of(new Extension(Extension.RENEGOTIATION_INFO, new byte[] {0})));
        ServerHello back = ServerHello.decode(h.encode());
        assertEquals(0x000A, back.cipherSuite());
        assertArrayEquals(random, back.random());
        assertEquals(Extension.RENEGOTIATION_INFO, back.extensions().get(0).type());
    }

    @Test
    void certificateListsAreCheckedAtBothLevels() throws Exception {
        CertificateMessage m = new CertificateMessage(List.of(hex("3000"), hex("300100")));
        assertEquals(2, CertificateMessage.decode(m.encode()).certificateList().size());
        assertEquals(0, CertificateMessage.decode(hex("000000")).certificateList().size());
        // an inner ASN.1Cert of length zero is below its minimum of 1
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> CertificateMessage.decode(hex("000003 000000"))));
        // the inner length runs past the list
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> CertificateMessage.decode(hex("000004 000005 30"))));
    }

    @Test
    void certificateRequestPerVersion() throws Exception {
        CertificateRequest ssl3 = new CertificateRequest(new byte[] {1, 2}, null, List.of(hex("3000")));
        CertificateRequest back = CertificateRequest.decode(ssl3.encode(), false);
        assertArrayEquals(new byte[] {1, 2}, back.certificateTypes());
        assertNull(back.supportedSignatureAlgorithms());
        CertificateRequest tls12 = new CertificateRequest(new byte[] {1}, new int[] {0x0401, 0x0201}, List.of());
        assertArrayEquals(new int[] {0x0401, 0x0201},
                CertificateRequest.decode(tls12.encode(), true).supportedSignatureAlgorithms());
        // the same bytes read as the other version do not parse
        assertEquals(AlertDescription.DECODE_ERROR, failure(() -> CertificateRequest.decode(tls12.encode(), false)));
    }

    @Test
    void digitallySignedPerVersion() throws Exception {
        DigitallySigned legacy = new DigitallySigned(-1, hex("aabb"));
        assertArrayEquals(hex("0002aabb"), legacy.encode());
        DigitallySigned tls12 = DigitallySigned.decode(hex("0401 0002 aabb"), true, "CertificateVerify");
        assertEquals(Signatures.HASH_SHA256, tls12.hash());
        assertEquals(1, tls12.signatureCode());
        assertEquals(AlertDescription.DECODE_ERROR,
                failure(() -> DigitallySigned.decode(hex("0003aabb"), false, "CertificateVerify")));
    }

    @Test
    void assemblerSplitsAndJoinsMessages() throws Exception {
        HandshakeAssembler a = new HandshakeAssembler(1024);
        byte[] two = Bytes.concat(HandshakeMessage.of(HandshakeType.SERVER_HELLO_DONE, new byte[0]).encoded(),
                HandshakeMessage.of(HandshakeType.FINISHED, new byte[12]).encoded());
        a.add(Bytes.slice(two, 0, 6));
        assertEquals(HandshakeType.SERVER_HELLO_DONE, a.next().type());
        assertNull(a.next());
        a.add(Bytes.slice(two, 6, two.length - 6));
        HandshakeMessage f = a.next();
        assertEquals(HandshakeType.FINISHED, f.type());
        assertEquals(12, f.body().length);
        assertEquals(16, f.encoded().length);
        assertNull(a.next());
        assertEquals(true, a.isEmpty());
    }

    /** A message dribbled byte by byte, then several in one go, across buffer growth. */
    @Test
    void assemblerAcrossGrowth() throws Exception {
        HandshakeAssembler a = new HandshakeAssembler(1 << 16);
        byte[] big = HandshakeMessage.of(HandshakeType.CERTIFICATE, new byte[3000]).encoded();
        for (int i = 0; i < big.length - 1; i++) {
            a.add(new byte[] {big[i]});
            assertNull(a.next());
        }
        a.add(Bytes.concat(new byte[] {big[big.length - 1]},
                HandshakeMessage.of(HandshakeType.SERVER_HELLO_DONE, new byte[0]).encoded()));
        assertEquals(3000, a.next().body().length);
        assertEquals(HandshakeType.SERVER_HELLO_DONE, a.next().type());
        assertTrue(a.isEmpty());
    }

    @Test
    void assemblerRefusesOversizeFromTheHeader() {
        HandshakeAssembler a = new HandshakeAssembler(1024);
        a.add(hex("0b 000401"));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, failure(a::next));
    }
}
