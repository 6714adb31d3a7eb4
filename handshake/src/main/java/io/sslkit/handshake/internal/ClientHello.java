package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import java.util.List;

/**
 * ClientHello (RFC 6101 §5.6.1.2, RFC 5246 §7.4.1.2). Extensions after compression_methods are accepted whatever
 * the version: SunJSSE sends them even in an SSL 3.0 hello.
 */
record ClientHello(int clientVersion, byte[] random, byte[] sessionId, int[] cipherSuites,
                   byte[] compressionMethods, List<Extension> extensions) {
    static final String NAME = "ClientHello";

    static ClientHello decode(byte[] body) throws SslAlertException {
        HandshakeReader r = new HandshakeReader(body, NAME);
        int version = r.u16("client_version");
        byte[] random = r.fixed(32, "random");
        byte[] sessionId = r.vector8(0, 32, "session_id");
        byte[] suites = r.vector16(2, 0xFFFE, "cipher_suites");
        if (suites.length % 2 != 0) {
            throw new SslAlertException(io.sslkit.api.AlertDescription.DECODE_ERROR,
                    NAME + ".cipher_suites: odd length " + suites.length);
        }
        int[] codes = new int[suites.length / 2];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = ((suites[2 * i] & 0xFF) << 8) | (suites[2 * i + 1] & 0xFF);
        }
        byte[] compression = r.vector8(1, 0xFF, "compression_methods");
        List<Extension> extensions = Extension.readAll(r, NAME);
        r.expectEnd();
        return new ClientHello(version, random, sessionId, codes, compression, extensions);
    }

    byte[] encode() {
        HandshakeWriter w = new HandshakeWriter().u16(clientVersion).bytes(random).vector8(sessionId);
        byte[] suites = new byte[cipherSuites.length * 2];
        for (int i = 0; i < cipherSuites.length; i++) {
            suites[2 * i] = (byte) (cipherSuites[i] >>> 8);
            suites[2 * i + 1] = (byte) cipherSuites[i];
        }
        w.vector16(suites).vector8(compressionMethods);
        Extension.writeAll(w, extensions);
        return w.toByteArray();
    }

    boolean offers(int suite) {
        for (int c : cipherSuites) {
            if (c == suite) {
                return true;
            }
        }
        return false;
    }

    boolean offersNullCompression() {
        for (byte m : compressionMethods) {
            if (m == 0) {
                return true;
            }
        }
        return false;
    }
}
