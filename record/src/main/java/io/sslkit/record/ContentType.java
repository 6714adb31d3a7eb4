package io.sslkit.record;

import java.util.Optional;

/** ContentType of RFC 6101 §5.2.1 / RFC 5246 §6.2.1. */
public enum ContentType {
    CHANGE_CIPHER_SPEC(20), ALERT(21), HANDSHAKE(22), APPLICATION_DATA(23);

    private static final ContentType[] BY_CODE = new ContentType[256];

    static {
        for (ContentType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ContentType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with that wire value; empty for any other value (0..255 or not). */
    public static Optional<ContentType> fromCode(int code) {
        return Optional.ofNullable(lookup(code));
    }

    /** Allocation-free form of {@link #fromCode} for the record layer's hot path; null when unknown. */
    static ContentType lookup(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The RFC's spelling, e.g. {@code change_cipher_spec}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
