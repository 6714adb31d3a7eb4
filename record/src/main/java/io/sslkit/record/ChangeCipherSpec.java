package io.sslkit.record;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;

/**
 * The ChangeCipherSpec protocol (RFC 6101 §5.3, RFC 5246 §7.1): one message, one byte of value 1, alone in its
 * record. When a CCS may arrive at all is the handshake's decision; {@link RecordLayer#changeReadCipherSpec} refuses
 * one that comes before pending keys exist.
 */
public final class ChangeCipherSpec {
    /** The whole message: {@code struct { enum { change_cipher_spec(1), (255) } type; }}. */
    public static final byte[] MESSAGE = {1};

    private ChangeCipherSpec() {
    }

    /**
     * Checks a received change_cipher_spec record: exactly one byte, value 1. SSL 3.0 has no decode_error, so a
     * malformed CCS is an unexpected_message there; TLS calls it decode_error. The fragment is left unconsumed.
     *
     * @param version the version in use, or null before one is negotiated
     */
    public static void check(Record r, ProtocolVersion version) throws SslAlertException {
        if (r.type() != ContentType.CHANGE_CIPHER_SPEC) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected change_cipher_spec, got " + r.type());
        }
        AlertDescription malformed = version != null && version.isSsl3() ? AlertDescription.UNEXPECTED_MESSAGE
                : AlertDescription.DECODE_ERROR;
        int length = r.fragment().remaining();
        if (length != MESSAGE.length) {
            throw new SslAlertException(malformed, "change_cipher_spec must be 1 byte, got " + length);
        }
        int value = r.fragment().get(r.fragment().position()) & 0xff;
        if (value != MESSAGE[0]) {
            throw new SslAlertException(malformed, "change_cipher_spec value must be 1, got " + value);
        }
    }
}
