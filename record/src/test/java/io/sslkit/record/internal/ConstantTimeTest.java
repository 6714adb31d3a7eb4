package io.sslkit.record.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free helpers agree with their plain counterparts on every case that matters. */
class ConstantTimeTest {

    @Test
    void comparisonsAndMasks() {
        Random r = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            int a = r.nextInt(1 << 17);
            int b = r.nextBoolean() ? a + r.nextInt(3) - 1 : r.nextInt(1 << 17);
            if (b < 0) {
                b = 0;
            }
            assertEquals(a < b ? -1 : 0, ConstantTime.lessThan(a, b), a + " < " + b);
            assertEquals(a <= b ? -1 : 0, ConstantTime.lessOrEqual(a, b), a + " <= " + b);
            assertEquals(a == b ? -1 : 0, ConstantTime.equal(a, b), a + " == " + b);
        }
        assertEquals(-1, ConstantTime.isZero(0));
        assertEquals(0, ConstantTime.isZero(1));
        assertEquals(0, ConstantTime.isZero(255));
        assertEquals(0, ConstantTime.isZero(Integer.MIN_VALUE));
    }

    @Test
    void differenceSeesEveryByte() {
        byte[] a = new byte[40];
        for (int i = 0; i < a.length; i++) {
            byte[] b = a.clone();
            b[i] = (byte) 0x80;
            assertEquals(0x80, ConstantTime.difference(a, 0, b, 0, a.length));
        }
        assertEquals(0, ConstantTime.difference(a, 0, a.clone(), 0, a.length));
    }

    /** For every MAC position the scan can meet: found when there, and a change of any MAC byte is noticed. */
    @Test
    void macDifferenceFindsTheMacAtEverySecretPosition() {
        Random r = new Random(6);
        for (int macLength : new int[] {1, 2, 3, 16, 20, 32, 48}) {
            int length = 400;
            byte[] data = new byte[length + 10];
            r.nextBytes(data);
            byte[] rotated = new byte[2 * macLength];
            int maxStart = length - macLength - 1;
            int scanStart = Math.max(0, maxStart - 255);
            for (int macStart = scanStart; macStart <= maxStart; macStart++) {
                byte[] expected = Arrays.copyOfRange(data, 3 + macStart, 3 + macStart + macLength);
                assertEquals(0, ConstantTime.macDifference(data, 3, length, macStart, scanStart, expected, macLength,
                        rotated), "start " + macStart);
                byte[] wrong = expected.clone();
                wrong[r.nextInt(macLength)] ^= (byte) (1 << r.nextInt(8));
                assertEquals(true, ConstantTime.macDifference(data, 3, length, macStart, scanStart, wrong, macLength,
                        rotated) != 0, "start " + macStart);
            }
        }
    }
}
