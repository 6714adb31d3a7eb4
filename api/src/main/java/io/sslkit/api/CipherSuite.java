package io.sslkit.api;

import java.util.Objects;

/**
 * A cipher suite is a composition: a key exchange, a bulk cipher and a MAC digest, each named by the algorithm
 * module that supplies it, plus the protocol versions that allow it.
 *
 * @param code         IANA code, e.g. 0x0004
 * @param name         standard (IANA/JSSE) name, e.g. SSL_RSA_WITH_RC4_128_MD5
 * @param keyExchange  name of a {@link io.sslkit.api.spi.KeyExchange}, e.g. "RSA"
 * @param cipher       name of a {@link io.sslkit.api.spi.BulkCipher}, e.g. "RC4_128", or "NULL"
 * @param mac          name of the {@link io.sslkit.api.spi.Digest} the record MAC is built from, e.g. "MD5"
 * @param minVersion   lowest version that allows the suite
 * @param maxVersion   highest version that allows the suite
 * @param prfDigest    digest of the TLS 1.2 PRF ("SHA256" or "SHA384")
 * @param opensslName  OpenSSL's name, e.g. RC4-MD5, or null when OpenSSL has none
 */
public record CipherSuite(int code, String name, String keyExchange, String cipher, String mac,
                          ProtocolVersion minVersion, ProtocolVersion maxVersion, String prfDigest,
                          String opensslName) {

    public CipherSuite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(minVersion, "minVersion");
        Objects.requireNonNull(maxVersion, "maxVersion");
        Objects.requireNonNull(prfDigest, "prfDigest");
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("suite code out of range: " + code);
        }
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException(name + ": minVersion after maxVersion");
        }
    }

    public boolean supports(ProtocolVersion version) {
        return version.atLeast(minVersion) && maxVersion.atLeast(version);
    }

    /** The names of the algorithm parts in the order key exchange, cipher, MAC. */
    public java.util.List<String> parts() {
        return java.util.List.of(keyExchange, cipher, mac);
    }

    /** The suite's code as the four hex digits of the RFCs, e.g. 0x0004. */
    public String codeString() {
        return String.format("0x%04X", code);
    }

    @Override
    public String toString() {
        return name;
    }
}
