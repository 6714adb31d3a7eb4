package io.sslkit.cipher.md5.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.api.spi.MessageDigestInstance;
import java.util.function.Supplier;

/** MD5: 16-byte output, 64-byte blocks; its SSL 3.0 MAC uses 48 bytes of pad_1 and pad_2 (RFC 6101 §5.2.3.1). */
public final class Md5Digest implements Digest {
    private final Supplier<DigestInstance> instances = MessageDigestInstance.factory("MD5");

    @Override
    public String name() {
        return "MD5";
    }

    @Override
    public int length() {
        return 16;
    }

    @Override
    public int blockLength() {
        return 64;
    }

    @Override
    public int ssl3PadLength() {
        return 48;
    }

    @Override
    public DigestInstance newInstance() {
        return instances.get();
    }

    @Override
    public CompressionFunction newCompressionFunction() {
        return new Md5Compression();
    }
}
