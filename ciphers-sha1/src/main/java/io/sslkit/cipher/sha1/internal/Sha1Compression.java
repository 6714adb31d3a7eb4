package io.sslkit.cipher.sha1.internal;

import io.sslkit.api.spi.CompressionFunction;
import java.nio.ByteOrder;

/**
 * The SHA-1 compression function (FIPS 180-4 §6.1.2) on a chaining value of five 32-bit words. Straight-line
 * arithmetic only: no branch or table index depends on the data, so the time is the same for every block.
 */
final class Sha1Compression implements CompressionFunction {
    private final int[] h = new int[5];
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
        h[0] = 0x67452301;
        h[1] = 0xefcdab89;
        h[2] = 0x98badcfe;
        h[3] = 0x10325476;
        h[4] = 0xc3d2e1f0;
    }

    @Override
    public void compress(byte[] block, int offset) {
        for (int t = 0; t < 16; t++) {
            int i = offset + 4 * t;
            w[t] = (block[i] << 24) | ((block[i + 1] & 0xff) << 16) | ((block[i + 2] & 0xff) << 8)
                    | (block[i + 3] & 0xff);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        // Four loops of twenty rounds, one per round function, so that no branch picks the function.
        for (int t = 0; t < 20; t++) {
            int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 20; t < 40; t++) {
            int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 40; t < 60; t++) {
            int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 60; t < 80; t++) {
            int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xca62c1d6 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }

    @Override
    public void state(byte[] out, int offset) {
        for (int i = 0; i < 5; i++) {
            int v = h[i];
            out[offset + 4 * i] = (byte) (v >>> 24);
            out[offset + 4 * i + 1] = (byte) (v >>> 16);
            out[offset + 4 * i + 2] = (byte) (v >>> 8);
            out[offset + 4 * i + 3] = (byte) v;
        }
    }
}
