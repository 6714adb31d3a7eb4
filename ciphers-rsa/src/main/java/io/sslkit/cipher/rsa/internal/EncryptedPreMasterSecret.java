package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.WireReader;

/**
 * The framing of ClientKeyExchange.exchange_keys for RSA: SSL 3.0 sends the bare ciphertext (RFC 6101 §5.6.7.1);
 * TLS 1.0 and later put the 2-byte vector length in front of it (RFC 5246 §7.4.7.1).
 */
final class EncryptedPreMasterSecret {
    private EncryptedPreMasterSecret() {
    }

    static byte[] encode(ProtocolVersion version, byte[] ciphertext) {
        if (version.isSsl3()) {
            return ciphertext.clone();
        }
        byte[] body = new byte[2 + ciphertext.length];
        body[0] = (byte) (ciphertext.length >>> 8);
        body[1] = (byte) ciphertext.length;
        System.arraycopy(ciphertext, 0, body, 2, ciphertext.length);
        return body;
    }

    /**
     * Extracts the ciphertext and checks that it is exactly {@code modulusLength} bytes. These checks look only at
     * the framing, never at the decrypted value, so an alert here is no oracle.
     */
    static byte[] decode(ProtocolVersion version, byte[] body, int modulusLength) throws SslAlertException {
        if (body == null) {
            throw WireReader.decodeError(version, "ClientKeyExchange missing");
        }
        byte[] ciphertext;
        if (version.isSsl3()) {
            ciphertext = body;
        } else {
            WireReader reader = new WireReader(body, version);
            ciphertext = reader.readVector16("EncryptedPreMasterSecret", 0);
            reader.expectEnd("ClientKeyExchange");
        }
        if (ciphertext.length != modulusLength) {
            throw WireReader.decodeError(version, "EncryptedPreMasterSecret is " + ciphertext.length
                    + " bytes, the RSA modulus " + modulusLength);
        }
        return ciphertext;
    }
}
