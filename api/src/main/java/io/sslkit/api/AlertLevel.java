package io.sslkit.api;

import java.util.Optional;

/** AlertLevel of RFC 6101 §5.4 and RFC 5246 §7.2. */
public enum AlertLevel {
    WARNING(1), FATAL(2);

    private final int code;

    AlertLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AlertLevel> fromCode(int code) {
        for (AlertLevel l : values()) {
            if (l.code == code) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
