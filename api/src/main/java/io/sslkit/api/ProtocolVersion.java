package io.sslkit.api;

import java.util.Locale;
import java.util.Optional;

/** The protocol versions sslkit speaks, with their wire values and JSSE's standard names. */
public enum ProtocolVersion {
    SSL_3_0(3, 0, "SSLv3"),
    TLS_1_0(3, 1, "TLSv1"),
    TLS_1_1(3, 2, "TLSv1.1"),
    TLS_1_2(3, 3, "TLSv1.2");

    private final int major;
    private final int minor;
    private final String standardName;

    ProtocolVersion(int major, int minor, String standardName) {
        this.major = major;
        this.minor = minor;
        this.standardName = standardName;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** The two wire bytes as one number, e.g. 0x0300 for SSL 3.0. */
    public int wireValue() {
        return (major << 8) | minor;
    }

    /** JSSE's name: SSLv3, TLSv1, TLSv1.1, TLSv1.2. */
    public String standardName() {
        return standardName;
    }

    public boolean isSsl3() {
        return this == SSL_3_0;
    }

    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    public static Optional<ProtocolVersion> fromWire(int major, int minor) {
        for (ProtocolVersion v : values()) {
            if (v.major == major && v.minor == minor) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Accepts JSSE's names (SSLv3, TLSv1, TLSv1.1, TLSv1.2) and the enum constant names, case-insensitively. */
    public static Optional<ProtocolVersion> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ProtocolVersion v : values()) {
            if (v.standardName.toLowerCase(Locale.ROOT).equals(n) || v.name().toLowerCase(Locale.ROOT).equals(n)
                    || (v == TLS_1_0 && n.equals("tlsv1.0"))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return standardName;
    }
}
