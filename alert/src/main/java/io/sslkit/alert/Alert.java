package io.sslkit.alert;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One Alert message (RFC 6101 §5.4, RFC 5246 §7.2): {@code struct { AlertLevel level; AlertDescription description; }}.
 */
public record Alert(AlertLevel level, AlertDescription description) {

    /** Bytes of an encoded Alert. */
    public static final int LENGTH = 2;

    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
    }

    public boolean isFatal() {
        return level == AlertLevel.FATAL;
    }

    /** The two bytes that go into an alert record. */
    public byte[] encode() {
        return new byte[] {(byte) level.code(), (byte) description.code()};
    }

    /**
     * Decodes the alert record's whole fragment, which must hold exactly one Alert: a fragment split across records
     * or several alerts coalesced into one record are refused (no peer we interoperate with sends either, and
     * accepting them would need buffering an attacker could exploit). An unknown level or description is a
     * decode_error: a field out of its specified range.
     */
    public static Alert decode(ByteBuffer fragment) throws SslAlertException {
        if (fragment.remaining() != LENGTH) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR,
                    "alert fragment must be " + LENGTH + " bytes, got " + fragment.remaining());
        }
        int levelCode = fragment.get() & 0xff;
        int descriptionCode = fragment.get() & 0xff;
        AlertLevel level = AlertLevel.fromCode(levelCode).orElseThrow(
                () -> new SslAlertException(AlertDescription.DECODE_ERROR, "unknown alert level " + levelCode));
        AlertDescription description = AlertDescription.fromCode(descriptionCode).orElseThrow(
                () -> new SslAlertException(AlertDescription.DECODE_ERROR,
                        "unknown alert description " + descriptionCode + " at level " + level));
        return new Alert(level, description);
    }

    @Override
    public String toString() {
        return level + " " + description;
    }
}
