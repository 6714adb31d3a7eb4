package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The statistic the opt-in timing tests rely on, against values worked out by hand. Runs in CI. */
class TimingHarnessTest {

    @Test
    void welchTMatchesAHandComputedValue() {
        // means 3 and 6, variances 2.5 and 10: t = -3 / sqrt(2.5/5 + 10/5) = -3 / sqrt(2.5)
        double t = TimingHarness.welchT(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10});
        assertEquals(-3 / Math.sqrt(2.5), t, 1e-12);
    }

    @Test
    void unequalSizesAndVariancesEachKeepTheirOwnTerm() {
        // means 2 and 10, variances 1 and 8: t = -8 / sqrt(1/3 + 8/2)
        double t = TimingHarness.welchT(new double[] {1, 2, 3}, new double[] {8, 12});
        assertEquals(-8 / Math.sqrt(1.0 / 3 + 8.0 / 2), t, 1e-12);
    }

    @Test
    void identicalConstantSamplesGiveZeroAndDifferentOnesInfinity() {
        assertEquals(0.0, TimingHarness.welchT(new double[] {5, 5}, new double[] {5, 5, 5}));
        assertEquals(Double.POSITIVE_INFINITY, TimingHarness.welchT(new double[] {6, 6}, new double[] {5, 5}));
    }

    @Test
    void oneSampleIsNotEnough() {
        assertThrows(IllegalArgumentException.class,
                () -> TimingHarness.welchT(new double[] {1}, new double[] {1, 2}));
    }
}
