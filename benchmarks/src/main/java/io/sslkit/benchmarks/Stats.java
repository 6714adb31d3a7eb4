package io.sslkit.benchmarks;

import java.util.Arrays;

final class Stats {
    private Stats() {
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The q-quantile (0 &lt;= q &lt;= 1), interpolating linearly between the two nearest ranks. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of nothing");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile out of [0, 1]: " + q);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
