package io.sslkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole comparison in one JVM: the limits (raw cipher + MAC, RSA-2048 private operations), then per scenario
 * full handshakes/s, resumed handshakes/s and bulk MB/s with the stacks interleaved round by round, then heap per
 * idle pair. Prints Markdown: the machine, the settings, the limits and the comparison table.
 *
 * <p>Options: {@code --quick} (a smoke run of a few seconds per group), {@code --rounds N}, {@code --slice MS},
 * {@code --warmup MS}, {@code --pairs N}, {@code --scenarios A,B}, {@code --out FILE}.
 */
public final class Compare {
    private static final double MB = 1e6;

    // many short slices rather than a few long ones: on a shared machine a burst of load then lands on all stacks
    private int rounds = 21;
    private long sliceMillis = 100;
    private long warmupMillis = 1000;
    private int pairs = 200;
    private List<Scenario> scenarios = List.of(Scenario.values());
    private Path out;

    public static void main(String[] args) throws Exception {
        // before any JSSE class initialises, and before SLF4J picks its levels up
        LegacyJsse.enable();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Compare c = new Compare();
        c.parse(args);
        c.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                    rounds = 3;
                    sliceMillis = 100;
                    warmupMillis = 300;
                    pairs = 30;
                }
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, a));
                case "--slice" -> sliceMillis = Long.parseLong(value(args, ++i, a));
                case "--warmup" -> warmupMillis = Long.parseLong(value(args, ++i, a));
                case "--pairs" -> pairs = Integer.parseInt(value(args, ++i, a));
                case "--scenarios" -> {
                    List<Scenario> l = new ArrayList<>();
                    for (String n : value(args, ++i, a).split(",")) {
                        l.add(Scenario.valueOf(n.trim()));
                    }
                    scenarios = List.copyOf(l);
                }
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + " (see the class comment)");
            }
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be positive");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private void run() throws Exception {
        Instant start = Instant.now();
        Interleaver il = new Interleaver(warmupMillis, sliceMillis, rounds);
        StringBuilder md = new StringBuilder();
        md.append(Machine.describe()).append('\n');
        md.append("Settings: ").append(il).append("; heap per pair over ").append(pairs).append(" pairs.\n\n");
        progress("certificates");
        Pki.get();

        // ---- limits ----------------------------------------------------------------------------------------
        Table limits = new Table("primitive", "JCE", "BC lightweight", "fastest");
        progress("RSA-2048 private key");
        Interleaver.Rates rsa = il.run(providers(p -> Primitives.rsaPrivate(p)));
        Primitives.Provider rsaBest = best(rsa);
        limits.row("RSA-2048 private key (PKCS #1 decrypt), ops/s", Table.number(rsa.median("JCE")),
                Table.number(rsa.median("BC")), rsaBest.name());
        Map<Scenario, Op> rawLimit = new EnumMap<>(Scenario.class);
        for (Scenario s : scenarios) {
            progress("raw primitives of " + s.label());
            Interleaver.Rates c = il.run(providers(p -> Primitives.cipher(s, p)));
            Interleaver.Rates m = il.run(providers(p -> Primitives.mac(s, p)));
            Primitives.Provider cb = best(c);
            Primitives.Provider mb = best(m);
            limits.row(s.transformation() + " encrypt+decrypt, MB/s", mbps(c.median("JCE")), mbps(c.median("BC")),
                    cb.name());
            limits.row(s.mac() + " x2 (" + s.suite() + "), MB/s", mbps(m.median("JCE")), mbps(m.median("BC")),
                    mb.name());
            Op cipher = Primitives.cipher(s, cb);
            Op mac = Primitives.mac(s, mb);
            rawLimit.put(s, () -> {
                cipher.run();
                mac.run();
            });
        }
        Op rsaLimit = Primitives.rsaPrivate(rsaBest);

        // ---- engines ---------------------------------------------------------------------------------------
        Table t = new Table("measure", "protocol + suite", "sslkit", "SunJSSE", "BCJSSE", "sslkit JSSE",
                "sslkit/SunJSSE", "sslkit/BCJSSE", "sslkit JSSE/sslkit", "limit", "sslkit/limit", "SunJSSE/limit",
                "BCJSSE/limit");
        Map<Scenario, Map<Stack, Workloads>> all = new EnumMap<>(Scenario.class);
        for (Scenario s : scenarios) {
            Map<Stack, Workloads> w = new EnumMap<>(Stack.class);
            for (Stack st : Stack.values()) {
                if (st.supports(s)) {
                    w.put(st, new Workloads(st, s));
                }
            }
            all.put(s, w);
        }
        for (Scenario s : scenarios) {
            Map<Stack, Workloads> w = all.get(s);
            progress("full handshakes, " + s.label());
            Map<String, Op> ops = new LinkedHashMap<>();
            for (Map.Entry<Stack, Workloads> e : w.entrySet()) {
                ops.put(e.getKey().name(), e.getValue().fullHandshake());
            }
            ops.put("limit", rsaLimit);
            row(t, "full handshakes/s", s, il.run(ops), 1, "RSA ops/s");

            progress("resumed handshakes, " + s.label());
            ops = new LinkedHashMap<>();
            for (Map.Entry<Stack, Workloads> e : w.entrySet()) {
                ops.put(e.getKey().name(), e.getValue().resumedHandshake());
            }
            row(t, "resumed handshakes/s", s, il.run(ops), 1, null);

            progress("bulk, " + s.label());
            ops = new LinkedHashMap<>();
            for (Map.Entry<Stack, Workloads> e : w.entrySet()) {
                ops.put(e.getKey().name(), e.getValue().bulk());
            }
            ops.put("limit", rawLimit.get(s));
            row(t, "bulk MB/s, 16 KiB writes", s, il.run(ops), Wire.RECORD / MB, "cipher+MAC MB/s");
        }
        for (Scenario s : scenarios) {
            progress("heap per pair, " + s.label());
            Map<Stack, Double> kib = new EnumMap<>(Stack.class);
            for (Stack st : all.get(s).keySet()) {
                kib.put(st, HeapPerPair.measure(st, s, pairs) / 1024.0);
            }
            t.row("heap KiB per idle pair (lower is better)", s.label(), cell(kib, Stack.SSLKIT),
                    cell(kib, Stack.SUNJSSE), cell(kib, Stack.BCJSSE), cell(kib, Stack.SSLKIT_JSSE),
                    valueRatio(kib, Stack.SUNJSSE), valueRatio(kib, Stack.BCJSSE), jsseOverhead(kib), "", "", "", "");
        }

        md.append("### Limits\n\n").append(limits).append('\n');
        md.append("### sslkit, SunJSSE, BCJSSE and sslkit through its JSSE provider, engine to engine in memory")
                .append("\n\n").append(t).append('\n');
        md.append("Run took ").append(Duration.between(start, Instant.now()).toSeconds())
                .append(" s; load average at the end ").append(Machine.loadAverage()).append(".\n");
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md);
        }
    }

    private interface PerProvider {
        Op make(Primitives.Provider p) throws Exception;
    }

    private static Map<String, Op> providers(PerProvider f) throws Exception {
        Map<String, Op> m = new LinkedHashMap<>();
        for (Primitives.Provider p : Primitives.Provider.values()) {
            m.put(p.name(), f.make(p));
        }
        return m;
    }

    private static Primitives.Provider best(Interleaver.Rates r) {
        return r.median("JCE") >= r.median("BC") ? Primitives.Provider.JCE : Primitives.Provider.BC;
    }

    private static String mbps(double opsPerSecond) {
        return Table.number(opsPerSecond * Wire.RECORD / MB);
    }

    /** A row of rates: each stack's median times {@code scale}, ratios as medians of per-round ratios. */
    private static void row(Table t, String measure, Scenario s, Interleaver.Rates r, double scale, String limit) {
        String k = Stack.SSLKIT.name();
        t.row(measure, s.label(), rate(r, Stack.SSLKIT, scale), rate(r, Stack.SUNJSSE, scale),
                rate(r, Stack.BCJSSE, scale), rate(r, Stack.SSLKIT_JSSE, scale),
                spread(r, k, Stack.SUNJSSE.name()), spread(r, k, Stack.BCJSSE.name()),
                spread(r, Stack.SSLKIT_JSSE.name(), k),
                limit == null ? "" : Table.number(r.median("limit") * scale) + " " + limit,
                ofLimit(r, Stack.SSLKIT, limit), ofLimit(r, Stack.SUNJSSE, limit), ofLimit(r, Stack.BCJSSE, limit));
    }

    /** Median of the per-round ratios with, in brackets, their interquartile range. */
    private static String spread(Interleaver.Rates r, String a, String b) {
        if (!r.has(b)) {
            return "";
        }
        return Table.ratio(r.medianRatio(a, b)) + " (" + Table.ratio(r.ratioQuantile(a, b, 0.25)) + "–"
                + Table.ratio(r.ratioQuantile(a, b, 0.75)) + ")";
    }

    private static String rate(Interleaver.Rates r, Stack st, double scale) {
        return r.has(st.name()) ? Table.number(r.median(st.name()) * scale) : "";
    }

    private static String ofLimit(Interleaver.Rates r, Stack st, String limit) {
        return limit != null && r.has(st.name()) ? Table.percent(r.medianRatio(st.name(), "limit")) : "";
    }

    private static String cell(Map<Stack, Double> kib, Stack st) {
        return kib.containsKey(st) ? Table.number(kib.get(st)) : "";
    }

    /** Heap of a pair through the JSSE provider over that of sslkit's own engine pair: what the adapter adds. */
    private static String jsseOverhead(Map<Stack, Double> kib) {
        return kib.containsKey(Stack.SSLKIT_JSSE) ? Table.ratio(kib.get(Stack.SSLKIT_JSSE) / kib.get(Stack.SSLKIT))
                : "";
    }

    private static String valueRatio(Map<Stack, Double> kib, Stack other) {
        return kib.containsKey(other) ? Table.ratio(kib.get(Stack.SSLKIT) / kib.get(other)) : "";
    }

    private static void progress(String what) {
        System.err.println("[bench] " + what);
    }
}
