package io.sslkit.benchmarks;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.record.internal.TlsHmac;
import java.util.ServiceLoader;
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
 * What the constant-time MAC check of CBC records costs: the digest modules' plain-Java compression functions, which
 * the receiver runs over every CBC record (the Lucky 13 countermeasure), against the running digest the sender uses
 * (the JDK's MessageDigest, with its SHA and MD5 intrinsics), both over 16 KiB; and the whole record MAC both ways.
 * Every operation covers 16 KiB: MB/s = ops/s x 0.016384. Compare runs nothing of this; for example
 * {@code bench/run jmh CompressionBenchmarks -p digest=SHA}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CompressionBenchmarks {
    private static final int LENGTH = 16384;

    /** {@link Digest#name()}: MD5, SHA (SHA-1), SHA256, SHA384. */
    @Param({"MD5", "SHA", "SHA256", "SHA384"})
    public String digest;

    private final byte[] data = new Wire().payload;
    private final byte[] out = new byte[64];
    private Digest d;
    private CompressionFunction f;
    private DigestInstance md;
    private TlsHmac mac;
    /** The content of a 16 KiB CBC record: what is left after the MAC and one byte of padding length. */
    private int content;

    @Setup(Level.Trial)
    public void setUp() {
        d = ServiceLoader.load(Digest.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals(digest)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no digest module for " + digest));
        f = d.newCompressionFunction();
        md = d.newInstance();
        mac = new TlsHmac(d, new byte[d.length()], true);
        content = LENGTH - d.length() - 1;
        if (data.length != LENGTH) {
            throw new IllegalStateException("payload of " + data.length + " bytes");
        }
    }

    /** The digest module's compression function over 16 KiB: what the receiver's MAC check costs per byte. */
    @Benchmark
    public void compressionFunction() {
        for (int off = 0; off < LENGTH; off += d.blockLength()) {
            f.compress(data, off);
        }
    }

    /** The module's running digest (the JDK's MessageDigest) over 16 KiB, finished: what the sender's MAC uses. */
    @Benchmark
    public byte[] runningDigest() {
        md.update(data, 0, LENGTH);
        md.digest(out, 0);
        return out;
    }

    /** The MAC of a record whose length is public: the sender's side, and the receiver's under a stream cipher. */
    @Benchmark
    public byte[] recordMac() {
        mac.compute(1, 23, 0x0303, data, 0, content, out, 0);
        return out;
    }

    /** The MAC check of a CBC record whose content length the padding hides: the receiver's side. */
    @Benchmark
    public byte[] recordMacHidingLength() {
        mac.computeHidingLength(1, 23, 0x0303, data, 0, content, content, out, 0);
        return out;
    }
}
