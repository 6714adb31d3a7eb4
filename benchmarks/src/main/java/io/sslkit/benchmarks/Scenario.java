package io.sslkit.benchmarks;

import io.sslkit.api.ProtocolVersion;

/**
 * One protocol version with one cipher suite, as measured for every stack that speaks it, together with the JCE
 * names of the primitives that suite's records cost (the "limit" rows compare against these).
 */
public enum Scenario {
    SSL3_RC4_SHA(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_RC4_128_SHA", "RC4", "ARCFOUR", 16, "HmacSHA1"),
    SSL3_3DES_SHA(ProtocolVersion.SSL_3_0, "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "DESede", "DESede/CBC/NoPadding", 24,
            "HmacSHA1"),
    TLS10_AES128_SHA(ProtocolVersion.TLS_1_0, "TLS_RSA_WITH_AES_128_CBC_SHA", "AES", "AES/CBC/NoPadding", 16,
            "HmacSHA1"),
    TLS12_AES128_SHA256(ProtocolVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_CBC_SHA256", "AES", "AES/CBC/NoPadding", 16,
            "HmacSHA256");

    private final ProtocolVersion version;
    private final String suite;
    private final String keyAlgorithm;
    private final String transformation;
    private final int keyLength;
    private final String mac;

    Scenario(ProtocolVersion version, String suite, String keyAlgorithm, String transformation, int keyLength,
             String mac) {
        this.version = version;
        this.suite = suite;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyLength = keyLength;
        this.mac = mac;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** JSSE's protocol name, e.g. SSLv3. */
    public String protocol() {
        return version.standardName();
    }

    public String suite() {
        return suite;
    }

    /** JCE key algorithm of the bulk cipher, e.g. AES. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** JCE transformation of the bulk cipher as records use it (CBC without padding: the record layer pads). */
    public String transformation() {
        return transformation;
    }

    public int keyLength() {
        return keyLength;
    }

    public boolean isBlockCipher() {
        return transformation.contains("/CBC/");
    }

    /**
     * JCE name of the MAC. SSL 3.0's MAC is not HMAC but hashes the data once with the same digest, so HMAC over
     * the same digest stands for its cost.
     */
    public String mac() {
        return mac;
    }

    /** The label in the result table, e.g. "SSLv3 SSL_RSA_WITH_RC4_128_SHA". */
    public String label() {
        return protocol() + " " + suite;
    }
}
