package io.sslkit.record.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures how long one operation takes on several classes of input, for a Welch's t-test between the classes
 * (the dudect method of Reparaz, Balasch and Verbauwhede, 2017). Tests only.
 *
 * <p>Why it is built this way: every round runs each class once, in a freshly shuffled order, so that drift in the
 * machine's speed (other builds, frequency scaling, JIT, GC) lands on all classes alike instead of on whichever class
 * ran during a slow spell. Warm-up rounds are discarded so that the timed code is compiled before it is measured. The
 * untimed {@link Input#prepare} builds everything a call consumes, right before the call, so that only the operation
 * under test sits between the two {@link System#nanoTime} readings and every class finds its data equally warm; every
 * class's own objects are then read, so that the cache does not tell which class was prepared. The slowest
 * {@value #TRIM_PERCENT} % of each class are then dropped: those are the samples interrupted by a GC pause, a context
 * switch or another process on this shared machine, whose heavy tail would otherwise dominate the variance.
 *
 * <p>Run length: {@code sslkit.timing.rounds} (a cap) and {@code sslkit.timing.seconds} (a time budget), whichever
 * ends first; the shuffle seed is {@code sslkit.timing.seed} or random, and is printed so that a run can be repeated.
 */
public final class TimingHarness {
    /** |t| at or above this says the classes' mean times differ (the dudect threshold). */
    public static final double T_THRESHOLD = 4.5;
    public static final int TRIM_PERCENT = 5;

    /** One prepared call: {@link #run} is timed, {@link #check} (untimed) proves the input was of its class. */
    public interface Trial {
        Object run() throws Exception;

        void check(Object outcome);
    }

    /** A class of inputs, e.g. "valid record" or "bad padding". */
    public interface Input {
        String name();

        Trial prepare() throws Exception;
    }

    /** The trimmed samples of each class, in nanoseconds, and the run's parameters. */
    public record Result(Map<String, double[]> samples, long seed, int rounds, double seconds) {

        public double[] of(String name) {
            double[] s = samples.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no class " + name);
            }
            return s;
        }

        /** Welch's t statistic of class {@code a} against class {@code b}. */
        public double t(String a, String b) {
            return welchT(of(a), of(b));
        }

        /** A line for the test log: the class sizes, medians, means and t. */
        public String describe(String a, String b) {
            double[] x = of(a);
            double[] y = of(b);
            return String.format("%-14s vs %-14s N=%d/%d  median %.0f/%.0f ns  mean %.0f/%.0f ns  t=%+.2f", a, b,
                    x.length, y.length, median(x), median(y), mean(x), mean(y), welchT(x, y));
        }
    }

    private TimingHarness() {
    }

    public static Result measure(List<Input> inputs, int warmupRounds, int defaultRounds, int defaultSeconds)
            throws Exception {
        int maxRounds = Integer.getInteger("sslkit.timing.rounds", defaultRounds);
        long budgetNanos = Integer.getInteger("sslkit.timing.seconds", defaultSeconds) * 1_000_000_000L;
        long seed = Long.getLong("sslkit.timing.seed", new Random().nextLong());
        Random order = new Random(seed);
        int k = inputs.size();
        int[] shuffled = new int[k];
        for (int i = 0; i < k; i++) {
            shuffled[i] = i;
        }
        // One array for every sample, in the order taken: the memory touched around a call depends on when it ran,
        // not on its class. With an array per class, identical classes differed by up to |t| 5 (a class's array
        // at a fixed address is a per-class constant the cache and store buffer can see).
        long[] times = new long[maxRounds * k];
        int[] classes = new int[maxRounds * k];

        for (int round = 0; round < warmupRounds; round++) {
            for (Input input : inputs) {
                Trial trial = input.prepare();
                trial.check(call(trial));
            }
        }
        long start = System.nanoTime();
        int rounds = 0;
        int n = 0;
        while (rounds < maxRounds && System.nanoTime() - start < budgetNanos) {
            shuffle(shuffled, order);
            for (int i : shuffled) {
                // Prepared right before its call: preparing all classes first, in a fixed order, left the first
                // ones' buffers colder in the cache, and the time then grew with the position in that order (1-4 ns
                // in 3 us, t up to 38 between classes that run the same instructions).
                Trial trial = inputs.get(i).prepare();
                sink += touchAll(inputs);
                long t0 = System.nanoTime();
                Object outcome = call(trial);
                long t1 = System.nanoTime();
                times[n] = t1 - t0;
                classes[n] = i;
                n++;
                trial.check(outcome);
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            long[] mine = new long[rounds];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (classes[j] == i) {
                    mine[m++] = times[j];
                }
            }
            samples.put(inputs.get(i).name(), trimmed(mine));
        }
        return new Result(samples, seed, rounds, seconds);
    }

    private static int sink;

    /**
     * Reads every class's own objects, in a fixed order, so that the cache around the call looks the same whichever
     * class was just prepared. Preparing reads the class's Input, an object at an address of its own: two classes
     * of the very same records then differed by |t| up to 14.5 (2026-11-27).
     */
    private static int touchAll(List<Input> inputs) {
        int h = 0;
        for (Input input : inputs) {
            h += System.identityHashCode(input) + input.name().hashCode();
        }
        return h;
    }

    /** Fisher-Yates, so that each round's order is uniform and needs no list. */
    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A failure is an outcome too: it is timed like a result, and handed to the check. */
    private static Object call(Trial trial) {
        try {
            return trial.run();
        } catch (Exception e) {
            return e;
        }
    }

    private static double[] trimmed(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int keep = sorted.length - sorted.length * TRIM_PERCENT / 100;
        double[] out = new double[keep];
        for (int i = 0; i < keep; i++) {
            out[i] = sorted[i];
        }
        return out;
    }

    /**
     * The machine's load averages (1, 5, 15 minutes) from /proc/loadavg, for the log: other builds on this shared
     * machine add noise. The test module cannot read java.management, whose MXBean would say the same.
     */
    public static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()
                    .split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The unbiased sample variance, two-pass for accuracy. */
    static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    /** @param sorted ascending, as {@link #trimmed} leaves the samples */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Welch's t = (mean(x) - mean(y)) / sqrt(var(x)/|x| + var(y)/|y|): no assumption of equal variances. */
    static double welchT(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("Welch's t needs at least two samples per class");
        }
        double se = Math.sqrt(variance(x) / x.length + variance(y) / y.length);
        double diff = mean(x) - mean(y);
        if (se == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / se;
    }
}
