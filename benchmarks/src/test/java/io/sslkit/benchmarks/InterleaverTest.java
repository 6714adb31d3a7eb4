package io.sslkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleaverTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Stats.median(new double[] {9, 1, 3}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
        assertEquals(1.75, Stats.quantile(new double[] {4, 1, 2, 3}, 0.25));
        assertEquals(4.0, Stats.quantile(new double[] {4, 1, 2, 3}, 1));
    }

    @Test
    void ratesAndRatiosFollowTheCostOfEachOperation() throws Exception {
        long[] now = {0};
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("cheap", () -> now[0] += 1_000);          // 1 µs
        ops.put("costly", () -> now[0] += 4_000);         // 4 µs
        Interleaver.Rates r = new Interleaver(1, 2, 5, () -> now[0]).run(ops);
        assertEquals(1_000_000, r.median("cheap"), 1e-6);
        assertEquals(250_000, r.median("costly"), 1e-6);
        assertEquals(4.0, r.medianRatio("cheap", "costly"), 1e-9);
        assertEquals(4.0, r.ratioQuantile("cheap", "costly", 0.25), 1e-9);
    }

    @Test
    void aSlowRoundMovesTheRatioOfThatRoundOnly() throws Exception {
        long[] now = {0};
        int[] calls = {0};
        Map<String, Op> ops = new LinkedHashMap<>();
        // every 3000th call of "a" (about one round in three) is hit by a 10 ms stall, as a noisy neighbour would cause
        ops.put("a", () -> now[0] += ++calls[0] % 3000 == 0 ? 10_000_000 : 1_000);
        ops.put("b", () -> now[0] += 2_000);
        Interleaver.Rates r = new Interleaver(0, 1, 7, () -> now[0]).run(ops);
        assertEquals(2.0, r.medianRatio("a", "b"), 1e-9);
        assertTrue(r.ratioQuantile("a", "b", 0) < 2.0, "the stalled rounds show in the spread");
    }

    @Test
    void everyOperationRunsInEveryRound() throws Exception {
        int[] calls = new int[2];
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("a", () -> calls[0]++);
        ops.put("b", () -> calls[1]++);
        Interleaver.Rates r = new Interleaver(0, 1, 3).run(ops);
        assertTrue(calls[0] >= 3 && calls[1] >= 3);
        assertTrue(r.median("a") > 0 && r.median("b") > 0);
    }
}
