package io.sslkit.cipher.sha2.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SHA-256 compression function (FIPS 180-4 §6.2.2) on a chaining value of eight 32-bit words. Straight-line
 * arithmetic only: no branch, table index or loop bound depends on the data, so the time is the same for every block.
 *
 * <p>Written for speed, because the record layer runs it over every CBC record it receives, where the JDK's digest
 * would use SHA instructions: words are read four bytes at a time, the working variables live in locals
 * and the additions are ordered for a short dependency chain (measured: unrolling by hand was slower, C2 unrolls the
 * loop itself).
 */
final class Sha256Compression implements CompressionFunction {
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
    private static final int[] K = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    /** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
    private static final int[] INITIAL = {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    private int h0;
    private int h1;
    private int h2;
    private int h3;
    private int h4;
    private int h5;
    private int h6;
    private int h7;
    /** The message schedule W_0..W_63, a field so that no block allocates. */
    private final int[] w = new int[64];

    Sha256Compression() {
        reset();
    }

    @Override
    public int stateLength() {
        return 32;
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.BIG_ENDIAN;
    }

    @Override
    public void reset() {
        h0 = INITIAL[0];
        h1 = INITIAL[1];
        h2 = INITIAL[2];
        h3 = INITIAL[3];
        h4 = INITIAL[4];
        h5 = INITIAL[5];
        h6 = INITIAL[6];
        h7 = INITIAL[7];
    }

    @Override
    public void compress(byte[] block, int offset) {
        int[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = (int) BIG_ENDIAN_INT.get(block, offset + 4 * t);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        int e = h4;
        int f = h5;
        int g = h6;
        int hh = h7;
        // The sums are written with the newest values last: the JIT keeps the order of the additions.
        for (int t = 0; t < 64; t++) {
            int t1 = hh + K[t] + w[t] + ch(e, f, g) + sum1(e);
            int t2 = maj(a, b, c) + sum0(a);
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
        h4 += e;
        h5 += f;
        h6 += g;
        h7 += hh;
    }

    private static int sum0(int x) {
        return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
    }

    private static int sum1(int x) {
        return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
    }

    private static int ch(int x, int y, int z) {
        return z ^ (x & (y ^ z));
    }

    private static int maj(int x, int y, int z) {
        return (x & y) | (z & (x | y));
    }

    @Override
    public void state(byte[] out, int offset) {
        BIG_ENDIAN_INT.set(out, offset, h0);
        BIG_ENDIAN_INT.set(out, offset + 4, h1);
        BIG_ENDIAN_INT.set(out, offset + 8, h2);
        BIG_ENDIAN_INT.set(out, offset + 12, h3);
        BIG_ENDIAN_INT.set(out, offset + 16, h4);
        BIG_ENDIAN_INT.set(out, offset + 20, h5);
        BIG_ENDIAN_INT.set(out, offset + 24, h6);
        BIG_ENDIAN_INT.set(out, offset + 28, h7);
    }
}
