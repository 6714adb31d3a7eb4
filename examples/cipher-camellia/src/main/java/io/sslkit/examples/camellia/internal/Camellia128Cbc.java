package io.sslkit.examples.camellia.internal;

/** Camellia with a 128-bit key in CBC mode (CAMELLIA_128_CBC of RFC 5932). */
public final class Camellia128Cbc extends CamelliaCbcCipher {
    public Camellia128Cbc() {
        super("CAMELLIA_128_CBC", 16);
    }
}
