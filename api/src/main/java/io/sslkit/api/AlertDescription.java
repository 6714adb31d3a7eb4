package io.sslkit.api;

import java.util.Optional;

/**
 * Every AlertDescription of SSL 3.0 (RFC 6101 §5.4) and TLS 1.0-1.2 (RFC 2246, 4346, 5246, 5746, 6066, 7507),
 * with the versions in which each one may be sent.
 */
public enum AlertDescription {
    CLOSE_NOTIFY(0, null, null),
    UNEXPECTED_MESSAGE(10, null, null),
    BAD_RECORD_MAC(20, null, null),
    DECRYPTION_FAILED(21, ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_0),
    RECORD_OVERFLOW(22, ProtocolVersion.TLS_1_0, null),
    DECOMPRESSION_FAILURE(30, null, null),
    HANDSHAKE_FAILURE(40, null, null),
    NO_CERTIFICATE(41, null, ProtocolVersion.SSL_3_0),
    BAD_CERTIFICATE(42, null, null),
    UNSUPPORTED_CERTIFICATE(43, null, null),
    CERTIFICATE_REVOKED(44, null, null),
    CERTIFICATE_EXPIRED(45, null, null),
    CERTIFICATE_UNKNOWN(46, null, null),
    ILLEGAL_PARAMETER(47, null, null),
    UNKNOWN_CA(48, ProtocolVersion.TLS_1_0, null),
    ACCESS_DENIED(49, ProtocolVersion.TLS_1_0, null),
    DECODE_ERROR(50, ProtocolVersion.TLS_1_0, null),
    DECRYPT_ERROR(51, ProtocolVersion.TLS_1_0, null),
    EXPORT_RESTRICTION(60, ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_0),
    PROTOCOL_VERSION(70, ProtocolVersion.TLS_1_0, null),
    INSUFFICIENT_SECURITY(71, ProtocolVersion.TLS_1_0, null),
    INTERNAL_ERROR(80, ProtocolVersion.TLS_1_0, null),
    INAPPROPRIATE_FALLBACK(86, ProtocolVersion.TLS_1_0, null),
    USER_CANCELED(90, ProtocolVersion.TLS_1_0, null),
    NO_RENEGOTIATION(100, ProtocolVersion.TLS_1_0, null),
    UNSUPPORTED_EXTENSION(110, ProtocolVersion.TLS_1_0, null),
    UNRECOGNIZED_NAME(112, ProtocolVersion.TLS_1_0, null);

    private final int code;
    private final ProtocolVersion since;
    private final ProtocolVersion until;

    AlertDescription(int code, ProtocolVersion since, ProtocolVersion until) {
        this.code = code;
        this.since = since;
        this.until = until;
    }

    public int code() {
        return code;
    }

    /** The RFC's spelling, e.g. {@code handshake_failure}. */
    public String rfcName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the description is defined in (and so may be sent under) the given version. */
    public boolean definedIn(ProtocolVersion version) {
        return (since == null || version.atLeast(since)) && (until == null || until.atLeast(version));
    }

    public static Optional<AlertDescription> fromCode(int code) {
        for (AlertDescription d : values()) {
            if (d.code == code) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return rfcName();
    }
}
