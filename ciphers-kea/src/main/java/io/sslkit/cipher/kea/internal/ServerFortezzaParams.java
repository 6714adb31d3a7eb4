package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;

/**
 * ServerFortezzaParams { opaque r_s[128]; } (RFC 6101 §5.6.3): the server's ephemeral KEA public value R_s. A
 * fixed-length vector, so the body is exactly 128 bytes.
 */
record ServerFortezzaParams(byte[] rS) {
    static final int R_LENGTH = 128;

    ServerFortezzaParams {
        if (rS.length != R_LENGTH) {
            throw new IllegalArgumentException("r_s is " + R_LENGTH + " bytes, got " + rS.length);
        }
    }

    byte[] encode() {
        return rS.clone();
    }

    /** Fortezza is SSL 3.0 only, which has no decode_error: a malformed message is illegal_parameter. */
    static ServerFortezzaParams decode(byte[] body) throws SslAlertException {
        if (body == null || body.length != R_LENGTH) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerFortezzaParams must be "
                    + R_LENGTH + " bytes, got " + (body == null ? "none" : body.length));
        }
        return new ServerFortezzaParams(body.clone());
    }
}
