package io.sslkit.api;

import io.sslkit.api.spi.BulkCipher;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what is offered and accepted. Legacy algorithms are available in the modules, but only the {@link #LEGACY}
 * policy lets them be used; the choice is always explicit in the API and on the command line.
 */
public final class Policy {
    /**
     * What is reasonable today among what sslkit implements: TLS 1.2 only; no export, NULL, RC4 (RFC 7465) or
     * single-DES suites, no Fortezza; Diffie-Hellman groups of at least 2048 bits.
     */
    public static final Policy DEFAULT = new Policy("default", EnumSet.of(ProtocolVersion.TLS_1_2), false, 2048,
            "TLSv1.2 only; suites with >= 112-bit block ciphers and non-export key exchange; DH >= 2048 bits");

    /**
     * Everything the modules make complete: SSL 3.0 and TLS 1.0-1.2, export, NULL, RC4, DES and Fortezza suites,
     * Diffie-Hellman groups from 512 bits. For interoperating with, studying or testing old systems.
     */
    public static final Policy LEGACY = new Policy("legacy", EnumSet.allOf(ProtocolVersion.class), true, 512,
            "SSLv3 to TLSv1.2; every complete suite, including export, NULL, RC4, DES and Fortezza; DH >= 512 bits");

    public static final List<Policy> ALL = List.of(DEFAULT, LEGACY);

    private final String name;
    private final Set<ProtocolVersion> protocols;
    private final boolean legacySuites;
    private final int minimumDhBits;
    private final String summary;

    private Policy(String name, Set<ProtocolVersion> protocols, boolean legacySuites, int minimumDhBits,
                   String summary) {
        this.name = name;
        this.protocols = Set.copyOf(protocols);
        this.legacySuites = legacySuites;
        this.minimumDhBits = minimumDhBits;
        this.summary = summary;
    }

    public static Optional<Policy> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(n)).findFirst();
    }

    public String name() {
        return name;
    }

    /** One line that says what this policy allows. */
    public String summary() {
        return summary;
    }

    public boolean allows(ProtocolVersion version) {
        return protocols.contains(version);
    }

    public Set<ProtocolVersion> protocols() {
        return protocols;
    }

    public int minimumDhBits() {
        return minimumDhBits;
    }

    /** Whether the suite may be offered or accepted, judged from the parts the registry supplies now. */
    public boolean allows(CipherSuite suite, AlgorithmRegistry registry) {
        if (legacySuites) {
            return true;
        }
        Optional<BulkCipher> cipher = registry.bulkCipher(suite.cipher());
        if (cipher.isEmpty()) {
            return false;
        }
        return whyRefused(suite, cipher.get(), registry) == null;
    }

    /** Why this policy refuses the suite, or null when it allows it. */
    public String whyRefused(CipherSuite suite, BulkCipher cipher, AlgorithmRegistry registry) {
        if (legacySuites) {
            return null;
        }
        if (!suite.supports(ProtocolVersion.TLS_1_2) && protocols.stream().noneMatch(suite::supports)) {
            return "no version this policy allows supports it";
        }
        if (cipher.exportable() || registry.keyExchange(suite.keyExchange()).map(k -> k.exportable()).orElse(false)) {
            return "export-grade";
        }
        if (cipher.effectiveKeyBits() == 0) {
            return "no encryption";
        }
        if (cipher.type() == BulkCipher.Type.STREAM) {
            return "RC4-class stream cipher (RFC 7465)";
        }
        if (cipher.effectiveKeyBits() < 112) {
            return "cipher weaker than 112 bits";
        }
        if (suite.keyExchange().startsWith("FORTEZZA")) {
            return "Fortezza (SSL 3.0 only)";
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
