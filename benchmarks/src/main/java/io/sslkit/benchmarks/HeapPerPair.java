package io.sslkit.benchmarks;

import java.lang.ref.Reference;

/**
 * Heap that one established, idle engine pair keeps: N pairs each make a full handshake and carry one 16 KiB
 * record each way, then stay open; the heap in use after a full GC grows by N times the answer. The transport and
 * application buffers belong to the shared {@link Wire}, not to the pairs; what the server's session cache keeps
 * for them counts, as it would in a server.
 */
final class HeapPerPair {
    private HeapPerPair() {
    }

    /** Bytes per pair. */
    public static long measure(Stack stack, Scenario scenario, int pairs) throws Exception {
        Workloads w = new Workloads(stack, scenario);
        // classes loaded, caches and pools of the stack made before the baseline
        Reference.reachabilityFence(w.established());
        Pair[] open = new Pair[pairs];
        long before = usedAfterGc();
        for (int i = 0; i < pairs; i++) {
            Pair p = w.endpoints().newPair(false);
            p.handshake(w.wire());
            p.transfer(w.wire(), true);
            p.transfer(w.wire(), false);
            open[i] = p;
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(open);
        Reference.reachabilityFence(w);
        return (after - before) / pairs;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // a few rounds: finalization and reference processing can free more on the second pass
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
