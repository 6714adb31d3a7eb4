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
     * whatever the position: the scan covers every place the MAC can start, collects it rotated (the bytes land at
     * positions that depend only on the public scan index) and undoes the rotation with a loop over all offsets.
     *
     * @param data      the decrypted record (content, MAC, padding)
     * @param off       where it starts in {@code data}
     * @param length    its length (public)
     * @param macStart  where the MAC starts, relative to {@code off} (secret); {@code macStart + macLength <= length}
     * @param scanStart the smallest possible {@code macStart} (public)
     * @param expected  the computed MAC, {@code macLength} bytes
     * @param rotated   scratch of at least {@code macLength} bytes
     * @return 0 when equal, non-zero otherwise
     */
    public static int macDifference(byte[] data, int off, int length, int macStart, int scanStart, byte[] expected,
                                    int macLength, byte[] rotated) {
        java.util.Arrays.fill(rotated, 0, macLength, (byte) 0);
        int macEnd = macStart + macLength;
        int rotation = 0;
        int k = 0;
        for (int j = scanStart; j < length; j++) {
            int inMac = ~lessThan(j, macStart) & lessThan(j, macEnd);
            rotated[k] |= (byte) (data[off + j] & inMac);
            rotation |= k & equal(j, macStart);
            // k == (j - scanStart) mod macLength, kept without a division; the branch depends on j only.
            k++;
            if (k == macLength) {
                k = 0;
            }
        }
        int diff = 0;
        for (int i = 0; i < macLength; i++) {
            int r = rotation + i;
            r -= macLength & ~lessThan(r, macLength);
            int b = 0;
            for (int t = 0; t < macLength; t++) {
                b |= rotated[t] & equal(t, r);
            }
            diff |= (b ^ expected[i]) & 0xff;
        }
        return diff;
    }
}
