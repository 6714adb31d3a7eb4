package io.sslkit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures several operations against each other on a shared, noisy machine: after a warm-up of each, every round
 * runs each operation for one time slice, in an order that rotates from round to round, so that a burst of noise
 * hits all of them alike. Rates are compared round by round (median of the per-round ratios), never across runs.
 */
final class Interleaver {
    private final long warmupNanos;
    private final long sliceNanos;
    private final int rounds;
    private final LongSupplier clock;

    public Interleaver(long warmupMillis, long sliceMillis, int rounds) {
        this(warmupMillis, sliceMillis, rounds, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds), so that a test can check the arithmetic without a real machine's noise. */
    Interleaver(long warmupMillis, long sliceMillis, int rounds, LongSupplier clock) {
        if (rounds < 1 || sliceMillis < 1 || warmupMillis < 0) {
            throw new IllegalArgumentException("rounds and slice must be positive, warm-up not negative");
        }
        this.warmupNanos = warmupMillis * 1_000_000;
        this.sliceNanos = sliceMillis * 1_000_000;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** Operations per second of each operation in each round, keyed as given. */
    static final class Rates {
        private final Map<String, double[]> perRound;

        Rates(Map<String, double[]> perRound) {
            this.perRound = perRound;
        }

        public boolean has(String key) {
            return perRound.containsKey(key);
        }

        public double median(String key) {
            return Stats.median(perRound.get(key));
        }

        /** The median over the rounds of rate(a) / rate(b) in the same round. */
        public double medianRatio(String a, String b) {
            return Stats.median(ratios(a, b));
        }

        /** The q-quantile over the rounds of rate(a) / rate(b) in the same round: the spread the noise left. */
        public double ratioQuantile(String a, String b, double q) {
            return Stats.quantile(ratios(a, b), q);
        }

        private double[] ratios(String a, String b) {
            double[] x = perRound.get(a);
            double[] y = perRound.get(b);
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] / y[i];
            }
            return r;
        }
    }

    public Rates run(Map<String, Op> ops) throws Exception {
        List<String> keys = new ArrayList<>(ops.keySet());
        for (String k : keys) {
            timeSlice(ops.get(k), warmupNanos);
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String k : keys) {
            rates.put(k, new double[rounds]);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get((round + i) % keys.size());
                rates.get(k)[round] = timeSlice(ops.get(k), sliceNanos);
            }
        }
        return new Rates(rates);
    }

    /** Runs {@code op} for at least {@code nanos} (and at least once); returns operations per second. */
    private double timeSlice(Op op, long nanos) throws Exception {
        long start = clock.getAsLong();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = clock.getAsLong();
        } while (now < end);
        return count * 1e9 / (now - start);
    }

    @Override
    public String toString() {
        return "warm-up " + warmupNanos / 1_000_000 + " ms per operation, " + rounds + " rounds of "
                + sliceNanos / 1_000_000 + " ms per operation";
    }
}
