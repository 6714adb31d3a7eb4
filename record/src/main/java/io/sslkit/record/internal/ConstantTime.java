package io.sslkit.record.internal;

/**
 * Branch-free helpers over values an attacker must not learn by timing (padding length, MAC position, MAC bytes).
 * Masks are all ones (-1) for true and 0 for false; arguments are non-negative and below 2^30.
 */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** -1 when {@code a < b}, else 0. */
    public static int lessThan(int a, int b) {
        return (a - b) >> 31;
    }

    /** -1 when {@code a <= b}, else 0. */
    public static int lessOrEqual(int a, int b) {
        return (a - b - 1) >> 31;
    }

    /** -1 when {@code x == 0}, else 0. */
    public static int isZero(int x) {
        return ((x | -x) >> 31) ^ -1;
    }

    /** -1 when {@code a == b}, else 0. */
    public static int equal(int a, int b) {
        return isZero(a ^ b);
    }

    /** The OR of the differences of two byte ranges: 0 exactly when they are equal. Looks at every byte. */
    public static int difference(byte[] a, int aOff, byte[] b, int bOff, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff & 0xff;
    }

    /**
     * Compares the MAC that a record carries at a secret position with the computed one, touching the same bytes
     * whatever the position: the scan covers every place the MAC can start and collects it rotated (the bytes land at
     * positions that depend only on the public scan index); the rotation is then undone in ceil(log2 macLength)
     * passes, pass b rotating by 2^b and keeping the result only where bit b of the secret rotation is set. Every
     * pass reads and writes all {@code macLength} bytes, so the work is O(macLength log macLength) and the same for
     * every padding length (a plain rotation by the secret amount would index memory by it).
     *
     * @param data      the decrypted record (content, MAC, padding)
     * @param off       where it starts in {@code data}
     * @param length    its length (public)
     * @param macStart  where the MAC starts, relative to {@code off} (secret); {@code macStart + macLength <= length}
     * @param scanStart the smallest possible {@code macStart} (public)
     * @param expected  the computed MAC, {@code macLength} bytes
     * @param scratch   at least {@code 2 * macLength} bytes
     * @return 0 when equal, non-zero otherwise
     */
    public static int macDifference(byte[] data, int off, int length, int macStart, int scanStart, byte[] expected,
                                    int macLength, byte[] scratch) {
        java.util.Arrays.fill(scratch, 0, macLength, (byte) 0);
        int macEnd = macStart + macLength;
        int rotation = 0;
        int k = 0;
        for (int j = scanStart; j < length; j++) {
            int inMac = ~lessThan(j, macStart) & lessThan(j, macEnd);
            scratch[k] |= (byte) (data[off + j] & inMac);
            rotation |= k & equal(j, macStart);
            // k == (j - scanStart) mod macLength, kept without a division; the branch depends on j only.
            k++;
            if (k == macLength) {
                k = 0;
            }
        }
        // The MAC's first byte sits at scratch[rotation]: rotating left by `rotation` brings it to index 0.
        int from = 0;
        int to = macLength;
        for (int step = 1; step < macLength; step <<= 1) {
            int take = isZero(rotation & step) ^ -1;
            for (int i = 0; i < macLength; i++) {
                // The source index depends on the public step only.
                int s = i + step;
                if (s >= macLength) {
                    s -= macLength;
                }
                int kept = scratch[from + i];
                int moved = scratch[from + s];
                scratch[to + i] = (byte) ((moved & take) | (kept & ~take));
            }
            int t = from;
            from = to;
            to = t;
        }
        int diff = 0;
        for (int i = 0; i < macLength; i++) {
            diff |= scratch[from + i] ^ expected[i];
        }
        return diff & 0xff;
    }
}
