package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The Fortezza ClientKeyExchange body (RFC 6101 §5.6.7.2):
 *
 * <pre>
 * struct {
 *     opaque y_c&lt;0..128&gt;;
 *     opaque r_c[128];
 *     opaque y_signature[40];
 *     opaque wrapped_client_write_key[12];
 *     opaque wrapped_server_write_key[12];
 *     opaque client_write_iv[24];
 *     opaque server_write_iv[24];
 *     opaque master_secret_iv[24];
 *     block-ciphered opaque encrypted_pre_master_secret[48];
 * } FortezzaKeys;
 * </pre>
 *
 * y_c is empty when the client's KEA public value is in its certificate; otherwise "it must be between 64 and 128
 * bytes" (§5.6.7.2): a 1024-bit value written without its leading zero bytes may be shorter than r_c. We send the
 * full 128 bytes and accept the RFC's range, nothing else.
 */
record FortezzaKeys(byte[] yC, byte[] rC, byte[] ySignature, byte[] wrappedClientWriteKey,
        byte[] wrappedServerWriteKey, byte[] clientWriteIv, byte[] serverWriteIv, byte[] masterSecretIv,
        byte[] encryptedPreMasterSecret) {

    static final int Y_MIN_LENGTH = 64;
    static final int Y_MAX_LENGTH = 128;
    static final int R_LENGTH = 128;
    /** A DSS signature as r || s, 20 bytes each. */
    static final int Y_SIGNATURE_LENGTH = 40;
    /** An 80-bit SKIPJACK key wrapped under the TEK. */
    static final int WRAPPED_KEY_LENGTH = 12;
    static final int IV_LENGTH = 24;
    static final int ENCRYPTED_PRE_MASTER_SECRET_LENGTH = 48;

    /** Everything after y_c: fixed. */
    private static final int FIXED_PART = R_LENGTH + Y_SIGNATURE_LENGTH + 2 * WRAPPED_KEY_LENGTH + 3 * IV_LENGTH
            + ENCRYPTED_PRE_MASTER_SECRET_LENGTH;

    FortezzaKeys {
        if (yC.length != 0 && (yC.length < Y_MIN_LENGTH || yC.length > Y_MAX_LENGTH)) {
            throw new IllegalArgumentException("y_c is empty or " + Y_MIN_LENGTH + " to " + Y_MAX_LENGTH
                    + " bytes, got " + yC.length);
        }
        check("r_c", rC, R_LENGTH);
        check("y_signature", ySignature, Y_SIGNATURE_LENGTH);
        check("wrapped_client_write_key", wrappedClientWriteKey, WRAPPED_KEY_LENGTH);
        check("wrapped_server_write_key", wrappedServerWriteKey, WRAPPED_KEY_LENGTH);
        check("client_write_iv", clientWriteIv, IV_LENGTH);
        check("server_write_iv", serverWriteIv, IV_LENGTH);
        check("master_secret_iv", masterSecretIv, IV_LENGTH);
        check("encrypted_pre_master_secret", encryptedPreMasterSecret, ENCRYPTED_PRE_MASTER_SECRET_LENGTH);
    }

    private static void check(String field, byte[] value, int length) {
        if (value.length != length) {
            throw new IllegalArgumentException(field + " is " + length + " bytes, got " + value.length);
        }
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + yC.length + FIXED_PART);
        out.write(yC.length);
        for (byte[] field : new byte[][] {yC, rC, ySignature, wrappedClientWriteKey, wrappedServerWriteKey,
            clientWriteIv, serverWriteIv, masterSecretIv, encryptedPreMasterSecret}) {
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    /** Fortezza is SSL 3.0 only, which has no decode_error: every framing fault is illegal_parameter. */
    static FortezzaKeys decode(byte[] body) throws SslAlertException {
        if (body == null || body.length == 0) {
            throw illegal("FortezzaKeys missing");
        }
        int yLength = body[0] & 0xff;
        if (yLength != 0 && (yLength < Y_MIN_LENGTH || yLength > Y_MAX_LENGTH)) {
            throw illegal("y_c must be empty or " + Y_MIN_LENGTH + " to " + Y_MAX_LENGTH + " bytes, got " + yLength);
        }
        int expected = 1 + yLength + FIXED_PART;
        if (body.length != expected) {
            throw illegal("FortezzaKeys is " + body.length + " bytes, expected " + expected);
        }
        int[] offset = {1};
        return new FortezzaKeys(take(body, offset, yLength), take(body, offset, R_LENGTH),
                take(body, offset, Y_SIGNATURE_LENGTH), take(body, offset, WRAPPED_KEY_LENGTH),
                take(body, offset, WRAPPED_KEY_LENGTH), take(body, offset, IV_LENGTH), take(body, offset, IV_LENGTH),
                take(body, offset, IV_LENGTH), take(body, offset, ENCRYPTED_PRE_MASTER_SECRET_LENGTH));
    }

    private static byte[] take(byte[] body, int[] offset, int length) {
        byte[] value = Arrays.copyOfRange(body, offset[0], offset[0] + length);
        offset[0] += length;
        return value;
    }

    private static SslAlertException illegal(String message) {
        return new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, message);
    }
}
