package io.sslkit.cipher.rsa.internal;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The DER encoding of DigestInfo up to the hash value, per hash (RFC 8017 §9.2, note 1). TLS 1.2 signs
 * DigestInfo-wrapped hashes; SSL 3.0 and TLS 1.0-1.1 sign the bare MD5 || SHA-1 concatenation.
 */
enum DigestInfoPrefix {
    MD5("MD5", 16, "3020300c06082a864886f70d020505000410"),
    SHA1("SHA", 20, "3021300906052b0e03021a05000414"),
    SHA224("SHA224", 28, "302d300d06096086480165030402040500041c"),
    SHA256("SHA256", 32, "3031300d060960864801650304020105000420"),
    SHA384("SHA384", 48, "3041300d060960864801650304020205000430"),
    SHA512("SHA512", 64, "3051300d060960864801650304020305000440");

    private final String hashName;
    private final int hashLength;
    private final byte[] prefix;

    DigestInfoPrefix(String hashName, int hashLength, String prefixHex) {
        this.hashName = hashName;
        this.hashLength = hashLength;
        this.prefix = HexFormat.of().parseHex(prefixHex);
    }

    int hashLength() {
        return hashLength;
    }

    /** DigestInfo { digestAlgorithm, digest } for {@code hash}. */
    byte[] wrap(byte[] hash) {
        byte[] out = new byte[prefix.length + hash.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(hash, 0, out, prefix.length, hash.length);
        return out;
    }

    /** Accepts the suite table's names ("SHA", "SHA256") and the hyphenated JCA forms ("SHA-1", "SHA-256"). */
    static DigestInfoPrefix forHashName(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("-", "");
        if (n.equals("SHA1")) {
            n = "SHA";
        }
        for (DigestInfoPrefix p : values()) {
            if (p.hashName.equals(n)) {
                return p;
            }
        }
        return null;
    }
}
