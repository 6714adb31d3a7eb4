package io.sslkit.cipher.md5.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.nio.ByteOrder;

/**
 * The MD5 compression function (RFC 1321 §3.4) on a chaining value of four little-endian 32-bit words.
 * Straight-line arithmetic only: no branch or table index depends on the data, so the time is the same for every
 * block.
 */
final class Md5Compression implements CompressionFunction {
    /** T[i] = floor(2^32 * abs(sin(i + 1))). */
    private static final int[] T = {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    };
    private static final int[] S1 = {7, 12, 17, 22};
    private static final int[] S2 = {5, 9, 14, 20};
    private static final int[] S3 = {4, 11, 16, 23};
    private static final int[] S4 = {6, 10, 15, 21};

    private final int[] h = new int[4];
    private final int[] x = new int[16];

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
        h[0] = 0x67452301;
        h[1] = 0xefcdab89;
        h[2] = 0x98badcfe;
        h[3] = 0x10325476;
    }

    @Override
    public void compress(byte[] block, int offset) {
        for (int i = 0; i < 16; i++) {
            int j = offset + 4 * i;
            x[i] = (block[j] & 0xff) | ((block[j + 1] & 0xff) << 8) | ((block[j + 2] & 0xff) << 16)
                    | (block[j + 3] << 24);
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        // One loop per round function, so that no branch picks the function; the word indexes depend on i only.
        for (int i = 0; i < 16; i++) {
            int f = (b & c) | (~b & d);
            int tmp = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + x[i] + T[i], S1[i & 3]);
            a = tmp;
        }
        for (int i = 16; i < 32; i++) {
            int f = (b & d) | (c & ~d);
            int tmp = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + x[(5 * i + 1) & 15] + T[i], S2[i & 3]);
            a = tmp;
        }
        for (int i = 32; i < 48; i++) {
            int f = b ^ c ^ d;
            int tmp = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + x[(3 * i + 5) & 15] + T[i], S3[i & 3]);
            a = tmp;
        }
        for (int i = 48; i < 64; i++) {
            int f = c ^ (b | ~d);
            int tmp = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + x[(7 * i) & 15] + T[i], S4[i & 3]);
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
    }

    @Override
    public void state(byte[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            int v = h[i];
            out[offset + 4 * i] = (byte) v;
            out[offset + 4 * i + 1] = (byte) (v >>> 8);
            out[offset + 4 * i + 2] = (byte) (v >>> 16);
            out[offset + 4 * i + 3] = (byte) (v >>> 24);
        }
    }
}
