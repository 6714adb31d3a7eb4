package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.WireReader;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * ServerRSAParams { opaque rsa_modulus&lt;1..2^16-1&gt;; opaque rsa_exponent&lt;1..2^16-1&gt;; } (RFC 6101 §5.6.3,
 * RFC 2246 §7.4.3): the temporary key of RSA_EXPORT.
 *
 * @param encoded the parameters exactly as on the wire, which is what the signature covers
 */
record ServerRsaParams(BigInteger rsaModulus, BigInteger rsaExponent, byte[] encoded) {

    static ServerRsaParams of(RSAPublicKey key) {
        byte[] modulus = unsigned(key.getModulus());
        byte[] exponent = unsigned(key.getPublicExponent());
        byte[] encoded = new byte[4 + modulus.length + exponent.length];
        putVector16(encoded, 0, modulus);
        putVector16(encoded, 2 + modulus.length, exponent);
        return new ServerRsaParams(key.getModulus(), key.getPublicExponent(), encoded);
    }

    /** Reads the parameters from the front of a ServerKeyExchange body; the reader is left at the signature. */
    static ServerRsaParams read(byte[] body, WireReader reader) throws SslAlertException {
        byte[] modulus = reader.readVector16("rsa_modulus", 1);
        byte[] exponent = reader.readVector16("rsa_exponent", 1);
        int length = 4 + modulus.length + exponent.length;
        return new ServerRsaParams(new BigInteger(1, modulus), new BigInteger(1, exponent),
                Arrays.copyOf(body, length));
    }

    /** The magnitude without the sign byte BigInteger adds. */
    private static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        return raw[0] == 0 && raw.length > 1 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    private static void putVector16(byte[] out, int offset, byte[] value) {
        out[offset] = (byte) (value.length >>> 8);
        out[offset + 1] = (byte) value.length;
        System.arraycopy(value, 0, out, offset + 2, value.length);
    }
}
