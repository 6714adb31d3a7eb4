package io.sslkit.cipher.sha1.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SHA-1 compression function (FIPS 180-4 §6.1.2) on a chaining value of five 32-bit words. Straight-line
 * arithmetic only: no branch, table index or loop bound depends on the data, so the time is the same for every block.
 *
 * <p>Written for speed, because the record layer runs it over every CBC record it receives, where the JDK's digest
 * would use SHA instructions: words are read four bytes at a time, the working variables live in locals
 * and the additions are ordered for a short dependency chain (measured: unrolling by hand made it slower, C2 unrolls
 * these loops itself).
 */
final class Sha1Compression implements CompressionFunction {
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int K0 = 0x5a827999;
    private static final int K1 = 0x6ed9eba1;
    private static final int K2 = 0x8f1bbcdc;
    private static final int K3 = 0xca62c1d6;

    private int h0;
    private int h1;
    private int h2;
    private int h3;
    private int h4;
    /** The message schedule W_0..W_79, a field so that no block allocates. */
    private final int[] w = new int[80];

    Sha1Compression() {
        reset();
    }

    @Override
    public int stateLength() {
        return 20;
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.BIG_ENDIAN;
    }

    @Override
    public void reset() {
        h0 = 0x67452301;
        h1 = 0xefcdab89;
        h2 = 0x98badcfe;
        h3 = 0x10325476;
        h4 = 0xc3d2e1f0;
    }

    @Override
    public void compress(byte[] block, int offset) {
        int[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = (int) BIG_ENDIAN_INT.get(block, offset + 4 * t);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        int e = h4;
        // One loop per round function, so that no branch picks it. The sum is written with the newest value, a, last:
        // the JIT keeps the order of the additions, and this order leaves one of them on the path from a to the next a.
        // Ch and Maj are FIPS 180-4's functions rewritten with fewer operations.
        for (int t = 0; t < 20; t++) {
            int tmp = e + K0 + w[t] + (d ^ (b & (c ^ d))) + Integer.rotateLeft(a, 5);
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 20; t < 40; t++) {
            int tmp = e + K1 + w[t] + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 40; t < 60; t++) {
            int tmp = e + K2 + w[t] + ((b & (c | d)) | (c & d)) + Integer.rotateLeft(a, 5);
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 60; t < 80; t++) {
            int tmp = e + K3 + w[t] + (b ^ c ^ d) + Integer.rotateLeft(a, 5);
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
        h4 += e;
    }

    @Override
    public void state(byte[] out, int offset) {
        BIG_ENDIAN_INT.set(out, offset, h0);
        BIG_ENDIAN_INT.set(out, offset + 4, h1);
        BIG_ENDIAN_INT.set(out, offset + 8, h2);
        BIG_ENDIAN_INT.set(out, offset + 12, h3);
        BIG_ENDIAN_INT.set(out, offset + 16, h4);
    }
}
