package io.sslkit.cipher.sha1.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.api.spi.MessageDigestInstance;
import java.util.function.Supplier;

/**
 * SHA-1, called "SHA" as in the suite names (SSL_RSA_WITH_RC4_128_SHA): 20-byte output, 64-byte blocks; its SSL 3.0
 * MAC uses 40 bytes of pad_1 and pad_2 (RFC 6101 §5.2.3.1).
 */
public final class Sha1Digest implements Digest {
    private final Supplier<DigestInstance> instances = MessageDigestInstance.factory("SHA-1");

    @Override
    public String name() {
        return "SHA";
    }

    @Override
    public int length() {
        return 20;
    }

    @Override
    public int blockLength() {
        return 64;
    }

    @Override
    public int ssl3PadLength() {
        return 40;
    }

    @Override
    public DigestInstance newInstance() {
        return instances.get();
    }

    @Override
    public CompressionFunction newCompressionFunction() {
        return new Sha1Compression();
    }
}
