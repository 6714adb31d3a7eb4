package io.sslkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine operations of {@link Compare} for JMH, one stack at a time: for looking at one stack closely (JMH's
 * {@code -prof gc} for allocation per operation, {@code -prof jfr} for a flight recording), not for comparing
 * stacks, which {@link Compare} does by interleaving them. {@code bulk} counts 16 KiB transfers: MB/s = ops/s x
 * 0.016384. Pick the stack with {@code -p stack=SUNJSSE}; BCJSSE with an SSLv3 scenario fails in its setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EngineBenchmarks {
    @Param({"SSLKIT"})
    public Stack stack;

    @Param({"SSL3_RC4_SHA", "SSL3_3DES_SHA", "TLS10_AES128_SHA", "TLS12_AES128_SHA256"})
    public Scenario scenario;

    private Op full;
    private Op resumed;
    private Op bulk;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (!stack.supports(scenario)) {
            throw new IllegalArgumentException(stack.display() + " does not implement " + scenario.protocol());
        }
        Workloads w = new Workloads(stack, scenario);
        full = w.fullHandshake();
        resumed = w.resumedHandshake();
        bulk = w.bulk();
    }

    @Benchmark
    public void fullHandshake() throws Exception {
        full.run();
    }

    @Benchmark
    public void resumedHandshake() throws Exception {
        resumed.run();
    }

    @Benchmark
    public void bulk() throws Exception {
        bulk.run();
    }
}
