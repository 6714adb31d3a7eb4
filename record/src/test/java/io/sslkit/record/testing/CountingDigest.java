package io.sslkit.record.testing;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;

/**
 * A digest that counts the compression-function calls its instances make (as a Merkle-Damgard hash would), so that a
 * test can compare the work of two MAC checks exactly instead of timing them. With {@code compressionFunction} it
 * also offers the delegate's compression function, counted call by call, so that the record layer takes its
 * constant-time path; without, it offers none and the record layer falls back to counting compressions itself.
 * Tests only.
 */
public final class CountingDigest implements Digest {
    private final JcaDigest delegate;
    private final boolean compressionFunction;
    private long compressions;

    public CountingDigest(JcaDigest delegate, boolean compressionFunction) {
        this.delegate = delegate;
        this.compressionFunction = compressionFunction;
    }

    public long compressions() {
        return compressions;
    }

    public void resetCount() {
        compressions = 0;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int length() {
        return delegate.length();
    }

    @Override
    public int blockLength() {
        return delegate.blockLength();
    }

    @Override
    public int ssl3PadLength() {
        return delegate.ssl3PadLength();
    }

    @Override
    public DigestInstance newInstance() {
        DigestInstance d = delegate.newInstance();
        int b = blockLength();
        int lengthField = b >= 128 ? 16 : 8;
        return new DigestInstance() {
            private long pending;

            @Override
            public void update(byte x) {
                pending++;
                d.update(x);
            }

            @Override
            public void update(byte[] data, int offset, int length) {
                pending += length;
                d.update(data, offset, length);
            }

            @Override
            public void digest(byte[] out, int offset) {
                compressions += (pending + lengthField) / b + 1;
                pending = 0;
                d.digest(out, offset);
            }

            @Override
            public byte[] digest() {
                compressions += (pending + lengthField) / b + 1;
                pending = 0;
                return d.digest();
            }

            @Override
            public void reset() {
                // Whole blocks were compressed as they arrived; the partial one is dropped.
                compressions += pending / b;
                pending = 0;
                d.reset();
            }

            @Override
            public DigestInstance copy() {
                throw new UnsupportedOperationException("the record layer needs no copies");
            }
        };
    }

    @Override
    public CompressionFunction newCompressionFunction() {
        if (!compressionFunction) {
            return null;
        }
        CompressionFunction f = delegate.newCompressionFunction();
        return new CompressionFunction() {
            @Override
            public int stateLength() {
                return f.stateLength();
            }

            @Override
            public java.nio.ByteOrder byteOrder() {
                return f.byteOrder();
            }

            @Override
            public void reset() {
                f.reset();
            }

            @Override
            public void compress(byte[] block, int offset) {
                compressions++;
                f.compress(block, offset);
            }

            @Override
            public void state(byte[] out, int offset) {
                f.state(out, offset);
            }
        };
    }
}
