package io.sslkit.cipher.md5.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The MD5 compression function (RFC 1321 §3.4) on a chaining value of four little-endian 32-bit words.
 * Straight-line arithmetic only: no branch, table index or loop bound depends on the data, so the time is the same
 * for every block.
 *
 * <p>Written for speed, because the record layer runs it over every CBC record it receives: the 64 steps are spelled
 * out as RFC 1321 lists them ([abcd k s i]), so that every word index, shift and constant T[i] is a constant, and the
 * message words are read four bytes at a time into locals.
 */
final class Md5Compression implements CompressionFunction {
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private int h0;
    private int h1;
    private int h2;
    private int h3;

    Md5Compression() {
        reset();
    }

    @Override
    public int stateLength() {
        return 16;
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public void reset() {
        h0 = 0x67452301;
        h1 = 0xefcdab89;
        h2 = 0x98badcfe;
        h3 = 0x10325476;
    }

    @Override
    public void compress(byte[] block, int offset) {
        int x0 = (int) LITTLE_ENDIAN_INT.get(block, offset);
        int x1 = (int) LITTLE_ENDIAN_INT.get(block, offset + 4);
        int x2 = (int) LITTLE_ENDIAN_INT.get(block, offset + 8);
        int x3 = (int) LITTLE_ENDIAN_INT.get(block, offset + 12);
        int x4 = (int) LITTLE_ENDIAN_INT.get(block, offset + 16);
        int x5 = (int) LITTLE_ENDIAN_INT.get(block, offset + 20);
        int x6 = (int) LITTLE_ENDIAN_INT.get(block, offset + 24);
        int x7 = (int) LITTLE_ENDIAN_INT.get(block, offset + 28);
        int x8 = (int) LITTLE_ENDIAN_INT.get(block, offset + 32);
        int x9 = (int) LITTLE_ENDIAN_INT.get(block, offset + 36);
        int x10 = (int) LITTLE_ENDIAN_INT.get(block, offset + 40);
        int x11 = (int) LITTLE_ENDIAN_INT.get(block, offset + 44);
        int x12 = (int) LITTLE_ENDIAN_INT.get(block, offset + 48);
        int x13 = (int) LITTLE_ENDIAN_INT.get(block, offset + 52);
        int x14 = (int) LITTLE_ENDIAN_INT.get(block, offset + 56);
        int x15 = (int) LITTLE_ENDIAN_INT.get(block, offset + 60);
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        // Steps [abcd k s T[i]]: T[i] = floor(2^32 * abs(sin(i))), i = 1..64.
        // Round 1
        a = ff(a, b, c, d, x0, 7, 0xd76aa478);
        d = ff(d, a, b, c, x1, 12, 0xe8c7b756);
        c = ff(c, d, a, b, x2, 17, 0x242070db);
        b = ff(b, c, d, a, x3, 22, 0xc1bdceee);
        a = ff(a, b, c, d, x4, 7, 0xf57c0faf);
        d = ff(d, a, b, c, x5, 12, 0x4787c62a);
        c = ff(c, d, a, b, x6, 17, 0xa8304613);
        b = ff(b, c, d, a, x7, 22, 0xfd469501);
        a = ff(a, b, c, d, x8, 7, 0x698098d8);
        d = ff(d, a, b, c, x9, 12, 0x8b44f7af);
        c = ff(c, d, a, b, x10, 17, 0xffff5bb1);
        b = ff(b, c, d, a, x11, 22, 0x895cd7be);
        a = ff(a, b, c, d, x12, 7, 0x6b901122);
        d = ff(d, a, b, c, x13, 12, 0xfd987193);
        c = ff(c, d, a, b, x14, 17, 0xa679438e);
        b = ff(b, c, d, a, x15, 22, 0x49b40821);
        // Round 2
        a = gg(a, b, c, d, x1, 5, 0xf61e2562);
        d = gg(d, a, b, c, x6, 9, 0xc040b340);
        c = gg(c, d, a, b, x11, 14, 0x265e5a51);
        b = gg(b, c, d, a, x0, 20, 0xe9b6c7aa);
        a = gg(a, b, c, d, x5, 5, 0xd62f105d);
        d = gg(d, a, b, c, x10, 9, 0x02441453);
        c = gg(c, d, a, b, x15, 14, 0xd8a1e681);
        b = gg(b, c, d, a, x4, 20, 0xe7d3fbc8);
        a = gg(a, b, c, d, x9, 5, 0x21e1cde6);
        d = gg(d, a, b, c, x14, 9, 0xc33707d6);
        c = gg(c, d, a, b, x3, 14, 0xf4d50d87);
        b = gg(b, c, d, a, x8, 20, 0x455a14ed);
        a = gg(a, b, c, d, x13, 5, 0xa9e3e905);
        d = gg(d, a, b, c, x2, 9, 0xfcefa3f8);
        c = gg(c, d, a, b, x7, 14, 0x676f02d9);
        b = gg(b, c, d, a, x12, 20, 0x8d2a4c8a);
        // Round 3
        a = hh(a, b, c, d, x5, 4, 0xfffa3942);
        d = hh(d, a, b, c, x8, 11, 0x8771f681);
        c = hh(c, d, a, b, x11, 16, 0x6d9d6122);
        b = hh(b, c, d, a, x14, 23, 0xfde5380c);
        a = hh(a, b, c, d, x1, 4, 0xa4beea44);
        d = hh(d, a, b, c, x4, 11, 0x4bdecfa9);
        c = hh(c, d, a, b, x7, 16, 0xf6bb4b60);
        b = hh(b, c, d, a, x10, 23, 0xbebfbc70);
        a = hh(a, b, c, d, x13, 4, 0x289b7ec6);
        d = hh(d, a, b, c, x0, 11, 0xeaa127fa);
        c = hh(c, d, a, b, x3, 16, 0xd4ef3085);
        b = hh(b, c, d, a, x6, 23, 0x04881d05);
        a = hh(a, b, c, d, x9, 4, 0xd9d4d039);
        d = hh(d, a, b, c, x12, 11, 0xe6db99e5);
        c = hh(c, d, a, b, x15, 16, 0x1fa27cf8);
        b = hh(b, c, d, a, x2, 23, 0xc4ac5665);
        // Round 4
        a = ii(a, b, c, d, x0, 6, 0xf4292244);
        d = ii(d, a, b, c, x7, 10, 0x432aff97);
        c = ii(c, d, a, b, x14, 15, 0xab9423a7);
        b = ii(b, c, d, a, x5, 21, 0xfc93a039);
        a = ii(a, b, c, d, x12, 6, 0x655b59c3);
        d = ii(d, a, b, c, x3, 10, 0x8f0ccc92);
        c = ii(c, d, a, b, x10, 15, 0xffeff47d);
        b = ii(b, c, d, a, x1, 21, 0x85845dd1);
        a = ii(a, b, c, d, x8, 6, 0x6fa87e4f);
        d = ii(d, a, b, c, x15, 10, 0xfe2ce6e0);
        c = ii(c, d, a, b, x6, 15, 0xa3014314);
        b = ii(b, c, d, a, x13, 21, 0x4e0811a1);
        a = ii(a, b, c, d, x4, 6, 0xf7537e82);
        d = ii(d, a, b, c, x11, 10, 0xbd3af235);
        c = ii(c, d, a, b, x2, 15, 0x2ad7d2bb);
        b = ii(b, c, d, a, x9, 21, 0xeb86d391);
        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
    }

    // The JIT keeps the order of the additions, so the part that depends on b, the newest value, comes last.
    // F(x, y, z) = z ^ (x & (y ^ z)): the RFC's function with one operation less. G(x, y, z) = (x & z) | (y & ~z):
    // the two parts share no bit, so the OR is an addition and the part without b is added earlier.
    private static int ff(int a, int b, int c, int d, int x, int s, int t) {
        return b + Integer.rotateLeft(a + x + t + (d ^ (b & (c ^ d))), s);
    }

    private static int gg(int a, int b, int c, int d, int x, int s, int t) {
        return b + Integer.rotateLeft(a + x + t + (c & ~d) + (b & d), s);
    }

    private static int hh(int a, int b, int c, int d, int x, int s, int t) {
        return b + Integer.rotateLeft(a + x + t + (b ^ c ^ d), s);
    }

    private static int ii(int a, int b, int c, int d, int x, int s, int t) {
        return b + Integer.rotateLeft(a + x + t + (c ^ (b | ~d)), s);
    }

    @Override
    public void state(byte[] out, int offset) {
        LITTLE_ENDIAN_INT.set(out, offset, h0);
        LITTLE_ENDIAN_INT.set(out, offset + 4, h1);
        LITTLE_ENDIAN_INT.set(out, offset + 8, h2);
        LITTLE_ENDIAN_INT.set(out, offset + 12, h3);
    }
}
