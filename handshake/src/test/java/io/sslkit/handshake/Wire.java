package io.sslkit.handshake;

import io.sslkit.api.SslAlertException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Hand-made records and handshake messages, for feeding an engine what no honest peer sends. */
final class Wire {
    static final int HANDSHAKE = 22;
    static final int ALERT = 21;
    static final int CHANGE_CIPHER_SPEC = 20;
    static final int APPLICATION_DATA = 23;

    private Wire() {
    }

    static byte[] record(int type, int version, byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(version >>> 8);
        out.write(version);
        out.write(fragment.length >>> 8);
        out.write(fragment.length);
        out.write(fragment, 0, fragment.length);
        return out.toByteArray();
    }

    static byte[] handshake(int msgType, byte[] body) {
        return handshake(msgType, body.length, body);
    }

    /** A handshake message whose header may lie about the body's length. */
    static byte[] handshake(int msgType, int declaredLength, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(msgType);
        out.write(declaredLength >>> 16);
        out.write(declaredLength >>> 8);
        out.write(declaredLength);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** A ClientHello body: version, 32-byte random, session id, suites, null compression, optional extensions. */
    static byte[] clientHello(int version, int[] suites, byte[] extensions) {
        return clientHello(version, new byte[0], suites, extensions);
    }

    static byte[] clientHello(int version, byte[] sessionId, int[] suites, byte[] extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(version >>> 8);
        out.write(version);
        out.write(new byte[32], 0, 32);
        out.write(sessionId.length);
        out.write(sessionId, 0, sessionId.length);
        out.write(suites.length * 2 >>> 8);
        out.write(suites.length * 2);
        for (int s : suites) {
            out.write(s >>> 8);
            out.write(s);
        }
        out.write(1);
        out.write(0);
        if (extensions != null) {
            out.write(extensions, 0, extensions.length);
        }
        return out.toByteArray();
    }

    /** A ServerHello body: version, random, empty session id, suite, null compression. */
    static byte[] serverHello(int version, int suite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(version >>> 8);
        out.write(version);
        out.write(new byte[32], 0, 32);
        out.write(0);
        out.write(suite >>> 8);
        out.write(suite);
        out.write(0);
        return out.toByteArray();
    }

    /** Feeds bytes to an engine; returns the alert it ends with (the exception), or null when it accepted them. */
    static SslAlertException feed(SslEngine engine, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteBuffer app = ByteBuffer.allocate(1 << 16);
        try {
            while (in.hasRemaining()) {
                SslEngine.Result r = engine.unwrap(in, app);
                if (r.status() == SslEngine.Status.BUFFER_UNDERFLOW || r.status() == SslEngine.Status.CLOSED) {
                    break;
                }
            }
            return null;
        } catch (SslAlertException e) {
            return e;
        }
    }

    /** Everything the engine has to send now. */
    static byte[] drain(SslEngine engine) {
        ByteBuffer out = ByteBuffer.allocate(1 << 17);
        try {
            while (engine.wrap(ByteBuffer.allocate(0), out).bytesProduced() > 0) {
                // keep going
            }
        } catch (SslAlertException e) {
            // the alert record is what we want to see
        }
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return b;
    }
}
