package io.sslkit.cipher.sha2.internal;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.api.spi.MessageDigestInstance;
import java.util.function.Supplier;

/** A SHA-2 digest. SSL 3.0 defines no MAC over SHA-2, hence no pad length. */
abstract class Sha2Digest implements Digest {
    private final String name;
    private final Supplier<DigestInstance> instances;
    private final int length;
    private final int blockLength;
    private final Supplier<CompressionFunction> compressions;

    Sha2Digest(String name, String jcaName, int length, int blockLength, Supplier<CompressionFunction> compressions) {
        this.name = name;
        this.instances = MessageDigestInstance.factory(jcaName);
        this.length = length;
        this.blockLength = blockLength;
        this.compressions = compressions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int blockLength() {
        return blockLength;
    }

    @Override
    public int ssl3PadLength() {
        return 0;
    }

    @Override
    public DigestInstance newInstance() {
        return instances.get();
    }

    @Override
    public CompressionFunction newCompressionFunction() {
        return compressions.get();
    }
}
