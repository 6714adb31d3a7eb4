package io.sslkit.examples.camellia.internal;

/** Camellia with a 256-bit key in CBC mode (CAMELLIA_256_CBC of RFC 5932). */
public final class Camellia256Cbc extends CamelliaCbcCipher {
    public Camellia256Cbc() {
        super("CAMELLIA_256_CBC", 32);
    }
}
