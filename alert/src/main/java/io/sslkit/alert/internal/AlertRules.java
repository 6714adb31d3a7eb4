package io.sslkit.alert.internal;

import static io.sslkit.api.AlertDescription.*;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import java.util.EnumSet;
import java.util.Set;

/** The version rules of the alert descriptions: which are always fatal, and what to send where one is undefined. */
public final class AlertRules {

    /**
     * Descriptions the RFCs call fatal whatever level they arrive with (RFC 6101 §5.4.2, RFC 5246 §7.2.2, RFC 7507
     * §3): a peer that sends one at warning level has still given up on the connection.
     */
    private static final Set<AlertDescription> ALWAYS_FATAL = EnumSet.of(UNEXPECTED_MESSAGE, BAD_RECORD_MAC,
            DECRYPTION_FAILED, RECORD_OVERFLOW, DECOMPRESSION_FAILURE, HANDSHAKE_FAILURE, ILLEGAL_PARAMETER,
            UNKNOWN_CA, ACCESS_DENIED, DECODE_ERROR, DECRYPT_ERROR, EXPORT_RESTRICTION, PROTOCOL_VERSION,
            INSUFFICIENT_SECURITY, INTERNAL_ERROR, INAPPROPRIATE_FALLBACK, UNSUPPORTED_EXTENSION);

    private AlertRules() {
    }

    public static boolean alwaysFatal(AlertDescription d) {
        return ALWAYS_FATAL.contains(d);
    }

    /**
     * The description to put on the wire for a fatal error {@code d} under {@code version} (null before a version is
     * negotiated: the TLS 1.0 set, which every peer that reaches a record layer of ours understands best).
     */
    public static AlertDescription sendable(AlertDescription d, ProtocolVersion version) {
        ProtocolVersion v = version == null ? ProtocolVersion.TLS_1_0 : version;
        if (d.definedIn(v)) {
            return d;
        }
        if (v.isSsl3()) {
            return switch (d) {
                // SSL 3.0 has no separate decryption failure: bad padding is reported as a bad MAC.
                case DECRYPTION_FAILED -> BAD_RECORD_MAC;
                // A malformed or over-long structure is a field with an illegal value in SSL 3.0's vocabulary.
                case RECORD_OVERFLOW, DECODE_ERROR -> ILLEGAL_PARAMETER;
                case UNKNOWN_CA -> CERTIFICATE_UNKNOWN;
                // Everything else means "we cannot agree on a secure session", which SSL 3.0 says one way.
                default -> HANDSHAKE_FAILURE;
            };
        }
        return switch (d) {
            // TLS 1.1 withdrew decryption_failed so that bad padding and a bad MAC look the same (RFC 4346 §7.2.2).
            case DECRYPTION_FAILED -> BAD_RECORD_MAC;
            // TLS 1.1 withdrew export_restriction: an export-violating parameter is now just an illegal one.
            case EXPORT_RESTRICTION -> ILLEGAL_PARAMETER;
            // no_certificate is SSL 3.0 only; TLS answers a missing required certificate with handshake_failure
            // (RFC 5246 §7.4.6).
            case NO_CERTIFICATE -> HANDSHAKE_FAILURE;
            default -> HANDSHAKE_FAILURE;
        };
    }
}
