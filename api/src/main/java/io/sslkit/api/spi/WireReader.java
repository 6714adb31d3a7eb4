package io.sslkit.api.spi;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the vectors of a handshake message body (RFC 5246 §4.3), checking every length against what is left, for
 * key exchange modules parsing ServerKeyExchange and ClientKeyExchange. Every fault is an {@link SslAlertException}
 * naming decode_error, or illegal_parameter under SSL 3.0 (see {@link #decodeError}).
 */
public final class WireReader {
    private final byte[] data;
    private final ProtocolVersion version;
    private int position;

    /** Reads {@code data} (not copied) as sent under {@code version}, which picks the alert. */
    public WireReader(byte[] data, ProtocolVersion version) {
        this.data = Objects.requireNonNull(data, "data");
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * {@code opaque name<min..2^16-1>}: a 2-byte length, then that many bytes.
     *
     * @param name the field's name from the RFC, for the alert's message
     * @throws SslAlertException when the length field is truncated, below {@code min} or overruns the message
     */
    public byte[] readVector16(String name, int min) throws SslAlertException {
        if (data.length - position < 2) {
            throw decodeError(version, name + ": length field truncated");
        }
        int length = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        if (length < min) {
            throw decodeError(version, name + ": length " + length + " below the minimum " + min);
        }
        if (length > data.length - position) {
            throw decodeError(version, name + ": length " + length + " overruns the message");
        }
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    /** Everything not read yet; the reader is then at the end. */
    public byte[] rest() {
        byte[] value = Arrays.copyOfRange(data, position, data.length);
        position = data.length;
        return value;
    }

    /**
     * @param message what was being read, for the alert's message
     * @throws SslAlertException when bytes are left over
     */
    public void expectEnd(String message) throws SslAlertException {
        if (position != data.length) {
            throw decodeError(version, message + ": " + (data.length - position) + " trailing bytes");
        }
    }

    /** decode_error does not exist in SSL 3.0 (RFC 6101 §5.4), where illegal_parameter stands for it. */
    public static SslAlertException decodeError(ProtocolVersion version, String message) {
        return new SslAlertException(
                version.isSsl3() ? AlertDescription.ILLEGAL_PARAMETER : AlertDescription.DECODE_ERROR, message);
    }
}
