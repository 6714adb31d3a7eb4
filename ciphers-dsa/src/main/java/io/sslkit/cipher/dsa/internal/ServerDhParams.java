package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.WireReader;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * ServerDHParams { opaque dh_p&lt;1..2^16-1&gt;; opaque dh_g&lt;1..2^16-1&gt;; opaque dh_Ys&lt;1..2^16-1&gt;; }
 * (RFC 6101 §5.6.3, RFC 5246 §7.4.3).
 *
 * @param encoded the parameters exactly as on the wire, which is what the signature covers
 */
record ServerDhParams(BigInteger dhP, BigInteger dhG, BigInteger dhYs, byte[] encoded) {

    static ServerDhParams of(BigInteger p, BigInteger g, BigInteger ys) {
        byte[][] vectors = {DiffieHellman.unsigned(p), DiffieHellman.unsigned(g), DiffieHellman.unsigned(ys)};
        int length = 0;
        for (byte[] v : vectors) {
            length += 2 + v.length;
        }
        byte[] encoded = new byte[length];
        int offset = 0;
        for (byte[] v : vectors) {
            offset = Vectors.put16(encoded, offset, v);
        }
        return new ServerDhParams(p, g, ys, encoded);
    }

    /** Reads the parameters from the front of a ServerKeyExchange body; the reader is left at the signature. */
    static ServerDhParams read(byte[] body, WireReader reader) throws SslAlertException {
        byte[] p = reader.readVector16("dh_p", 1);
        byte[] g = reader.readVector16("dh_g", 1);
        byte[] ys = reader.readVector16("dh_Ys", 1);
        int length = 6 + p.length + g.length + ys.length;
        return new ServerDhParams(new BigInteger(1, p), new BigInteger(1, g), new BigInteger(1, ys),
                Arrays.copyOf(body, length));
    }
}
