package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import java.util.List;

/** ServerHello (RFC 6101 §5.6.1.3, RFC 5246 §7.4.1.3). */
record ServerHello(int serverVersion, byte[] random, byte[] sessionId, int cipherSuite, int compressionMethod,
                   List<Extension> extensions) {
    static final String NAME = "ServerHello";

    static ServerHello decode(byte[] body) throws SslAlertException {
        HandshakeReader r = new HandshakeReader(body, NAME);
        int version = r.u16("server_version");
        byte[] random = r.fixed(32, "random");
        byte[] sessionId = r.vector8(0, 32, "session_id");
        int suite = r.u16("cipher_suite");
        int compression = r.u8("compression_method");
        List<Extension> extensions = Extension.readAll(r, NAME);
        r.expectEnd();
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    byte[] encode() {
        HandshakeWriter w = new HandshakeWriter().u16(serverVersion).bytes(random).vector8(sessionId)
                .u16(cipherSuite).u8(compressionMethod);
        Extension.writeAll(w, extensions);
        return w.toByteArray();
    }
}
