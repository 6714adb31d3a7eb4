package io.sslkit.cipher.sha2.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SHA-512 compression function (FIPS 180-4 §6.4.2) from SHA-384's initial value, on a chaining value of eight
 * 64-bit words; SHA-384's digest is the first 48 of its 64 bytes. Straight-line arithmetic only: no branch, table
 * index or loop bound depends on the data, so the time is the same for every block.
 *
 * <p>Written for speed, because the record layer runs it over every CBC record it receives, where the JDK's digest
 * would use its intrinsic: words are read eight bytes at a time, the working variables live in locals
 * and the additions are ordered for a short dependency chain (measured: unrolling by hand was no faster, C2 unrolls
 * the loop itself).
 */
final class Sha384Compression implements CompressionFunction {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
    private static final long[] K = {
            0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL,
            0x3956c25bf348b538L, 0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L,
            0xd807aa98a3030242L, 0x12835b0145706fbeL, 0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L,
            0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L, 0xc19bf174cf692694L,
            0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L, 0x0fc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L,
            0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L,
            0x983e5152ee66dfabL, 0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L,
            0xc6e00bf33da88fc2L, 0xd5a79147930aa725L, 0x06ca6351e003826fL, 0x142929670a0e6e70L,
            0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL, 0x53380d139d95b3dfL,
            0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL,
            0xa2bfe8a14cf10364L, 0xa81a664bbc423001L, 0xc24b8b70d0f89791L, 0xc76c51a30654be30L,
            0xd192e819d6ef5218L, 0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L,
            0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L, 0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L,
            0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL, 0x5b9cca4f7763e373L, 0x682e6ff3d6b2b8a3L,
            0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
            0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL,
            0xca273eceea26619cL, 0xd186b8c721c0c207L, 0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L,
            0x06f067aa72176fbaL, 0x0a637dc5a2c898a6L, 0x113f9804bef90daeL, 0x1b710b35131c471bL,
            0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL, 0x431d67c49c100d4cL,
            0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL, 0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L,
    };
    /** The first 64 bits of the fractional parts of the square roots of the 9th to 16th primes. */
    private static final long[] INITIAL = {
            0xcbbb9d5dc1059ed8L, 0x629a292a367cd507L, 0x9159015a3070dd17L, 0x152fecd8f70e5939L,
            0x67332667ffc00b31L, 0x8eb44a8768581511L, 0xdb0c2e0d64f98fa7L, 0x47b5481dbefa4fa4L,
    };

    private long h0;
    private long h1;
    private long h2;
    private long h3;
    private long h4;
    private long h5;
    private long h6;
    private long h7;
    /** The message schedule W_0..W_79, a field so that no block allocates. */
    private final long[] w = new long[80];

    Sha384Compression() {
        reset();
    }

    @Override
    public int stateLength() {
        return 64;
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
        long[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = (long) BIG_ENDIAN_LONG.get(block, offset + 8 * t);
        }
        for (int t = 16; t < 80; t++) {
            long x = w[t - 15];
            long y = w[t - 2];
            long s0 = Long.rotateRight(x, 1) ^ Long.rotateRight(x, 8) ^ (x >>> 7);
            long s1 = Long.rotateRight(y, 19) ^ Long.rotateRight(y, 61) ^ (y >>> 6);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        long a = h0;
        long b = h1;
        long c = h2;
        long d = h3;
        long e = h4;
        long f = h5;
        long g = h6;
        long hh = h7;
        // The sums are written with the newest values last: the JIT keeps the order of the additions.
        for (int t = 0; t < 80; t++) {
            long t1 = hh + K[t] + w[t] + ch(e, f, g) + sum1(e);
            long t2 = maj(a, b, c) + sum0(a);
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

    private static long sum0(long x) {
        return Long.rotateRight(x, 28) ^ Long.rotateRight(x, 34) ^ Long.rotateRight(x, 39);
    }

    private static long sum1(long x) {
        return Long.rotateRight(x, 14) ^ Long.rotateRight(x, 18) ^ Long.rotateRight(x, 41);
    }

    private static long ch(long x, long y, long z) {
        return z ^ (x & (y ^ z));
    }

    private static long maj(long x, long y, long z) {
        return (x & y) | (z & (x | y));
    }

    @Override
    public void state(byte[] out, int offset) {
        BIG_ENDIAN_LONG.set(out, offset, h0);
        BIG_ENDIAN_LONG.set(out, offset + 8, h1);
        BIG_ENDIAN_LONG.set(out, offset + 16, h2);
        BIG_ENDIAN_LONG.set(out, offset + 24, h3);
        BIG_ENDIAN_LONG.set(out, offset + 32, h4);
        BIG_ENDIAN_LONG.set(out, offset + 40, h5);
        BIG_ENDIAN_LONG.set(out, offset + 48, h6);
        BIG_ENDIAN_LONG.set(out, offset + 56, h7);
    }
}
