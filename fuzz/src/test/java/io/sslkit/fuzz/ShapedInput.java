package io.sslkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The layout of a {@link JsseEngineFuzzTest} input, read from both ends as libFuzzer's FuzzedDataProvider does:
 * <em>choices</em> (flags, operations, buffer sizes and shapes) are taken one byte at a time from the end, backwards;
 * <em>payload</em> (wire bytes, application data) is taken from the front. A mutation of the payload leaves the
 * choices alone and the other way round, so a seed keeps its shape while its bytes change. When the choices run out
 * every further choice is 0; both share the bytes in between.
 *
 * <p>A size is one choice byte {@code b}: {@code SIZES[b & 15] + (b >> 4) - 8}, at least 0. The table holds the sizes
 * that matter to an SSLEngine (nothing, a header, a record's plaintext and ciphertext limits, more than one record),
 * and the high nibble moves a few bytes either side of them; {@link Writer#size} writes a table size exactly.
 */
final class ShapedInput {
    /** 16 384 = 2^14, the most plaintext in a record; 18 437 = a header and 2^14 + 2048, the most a record is. */
    static final int[] SIZES = {0, 1, 5, 16, 100, 1000, 2048, 4096, 8192, 16_384, 16_389, 17_000, 18_437, 18_442,
        20_000, 33_000};

    private final byte[] data;
    private int front;
    private int back;

    ShapedInput(byte[] data) {
        this.data = data;
        this.back = data.length;
    }

    /** Whether any byte is left for a choice or payload. */
    boolean hasMore() {
        return front < back;
    }

    int length() {
        return data.length;
    }

    /** The next choice byte (0..255), from the end; 0 once the input is used up. */
    int choice() {
        return front < back ? data[--back] & 0xFF : 0;
    }

    /** Two choice bytes, the first read the high one. */
    int choice16() {
        return choice() << 8 | choice();
    }

    /** A size chosen by the next choice byte (see the class comment). */
    int size() {
        return sizeOf(choice());
    }

    static int sizeOf(int b) {
        return Math.max(0, SIZES[b & 15] + (b >> 4) - 8);
    }

    /** Up to {@code n} payload bytes from the front (fewer when less is left). */
    byte[] payload(int n) {
        int take = Math.min(n, back - front);
        byte[] out = Arrays.copyOfRange(data, front, front + take);
        front += take;
        return out;
    }

    /** Writes an input for {@link ShapedInput} in reading order: the seeds are written with it. */
    static final class Writer {
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private final ByteArrayOutputStream choices = new ByteArrayOutputStream();

        Writer choice(int b) {
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("a choice is one byte: " + b);
            }
            choices.write(b);
            return this;
        }

        Writer choice16(int v) {
            return choice(v >>> 8).choice(v & 0xFF);
        }

        /** The choice byte that {@link ShapedInput#size} reads as exactly {@code size}, which must be in the table. */
        Writer size(int size) {
            for (int i = 0; i < SIZES.length; i++) {
                if (SIZES[i] == size) {
                    return choice(0x80 | i);
                }
            }
            throw new IllegalArgumentException(size + " is not in the size table");
        }

        Writer payload(byte[] bytes) {
            payload.writeBytes(bytes);
            return this;
        }

        /** Payload first, then the choices reversed, so that reading from the end meets them in writing order. */
        byte[] toByteArray() {
            byte[] p = payload.toByteArray();
            byte[] c = choices.toByteArray();
            byte[] out = Arrays.copyOf(p, p.length + c.length);
            for (int i = 0; i < c.length; i++) {
                out[out.length - 1 - i] = c[i];
            }
            return out;
        }
    }
}
