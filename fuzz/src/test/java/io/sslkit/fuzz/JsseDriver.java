package io.sslkit.fuzz;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.jsse.internal.EngineInternals;
import io.sslkit.record.RecordLimits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * Drives an SSLKIT {@link SSLEngine} (the victim) as {@link JsseEngineFuzzTest}'s input says, and checks every call.
 *
 * <p><b>Input</b> ({@link ShapedInput}: choices from the end, payload from the front). The first choice is the flags
 * byte: bit 0 peer mode (the victim talks to a live sslkit {@link SslEngine}: everything it wraps goes to that peer,
 * everything the peer sends is queued for the victim; else the victim's input is only the payload), bits 1-2 the
 * peer's version (SSL 3.0 ... TLS 1.2), bits 3-4 its suite ({@link JsseEngines#suite}), bit 5 client authentication
 * (server victim: wants one, needs one when it has a peer; client victim's peer requires one), bit 6 SNI (the client
 * victim sends server_name, the server victim's SNIMatcher accepts only that name). Then operations until the input
 * is used up, each a choice byte whose low 3 bits say what:
 * <ul>
 * <li>0-2 <b>unwrap</b>: a size (how many more of the queued wire bytes the source now shows, like one read by a
 * transport), a shape byte (bits 0-1: 1 to 4 destinations; 2: direct destinations; 3: the destinations are a
 * sub-range of a bigger array whose other buffers must not change; 4: each destination starts at position 3 behind
 * bytes of the caller's; 5: read-only source; 6: direct source; 7: the source starts at position 3 behind bytes of the
 * caller's), then one size per destination;</li>
 * <li>3-4 <b>wrap</b>: a size of application data the application adds to what it still has to send (payload bytes),
 * a shape byte (bits 0-1: that data spread over 1 to 4 source buffers, the first of 4 empty; 2: direct destination;
 * 3: sources in a sub-range with untouchable neighbours; 4: buffers start behind bytes of the caller's; 5: read-only
 * sources; 6: direct sources), a destination size;</li>
 * <li>5 <b>raw</b>: two choice bytes n, then n payload bytes appended to the victim's queued input (a peer's records
 * are not touched: the raw bytes come after what the peer has sent so far);</li>
 * <li>6 <b>peer</b> (peer mode): a choice byte: 0 the peer sends a size's worth of payload as application data, 1
 * it renegotiates, 2 it closes (close_notify), 3 nothing;</li>
 * <li>7 <b>victim</b>: a choice byte: 0 beginHandshake, 1 closeOutbound, 2 closeInbound, 3 the getters.</li>
 * </ul>
 * Then the driver settles: it shows the victim all queued input and unwraps and wraps with buffers of the session's
 * sizes until neither the victim nor its peer does anything more.
 *
 * <p><b>Invariants</b>, each violation an {@link AssertionError} (Jazzer's finding): see {@link #checkResult} and the
 * README; in short, only SSLException escapes, results say exactly what happened to the buffers, nothing before a
 * position or outside the given range is touched, sources are never written, output is whole records, OVERFLOW and
 * UNDERFLOW only when the buffers really are too small or the record incomplete, no status that would make a
 * conforming caller spin, the Budget's time and allocation bounds, retained buffers bounded (and none once idle),
 * closed stays closed, at most one FINISHED per handshake, application data arrives intact and in order both ways,
 * and after a failure wrap hands out at most the alert (behind what was already queued), then CLOSED.
 */
final class JsseDriver {
    /** Output a victim may produce on its own per handshake: its flight (certificate chain included) and an alert. */
    static final int FIXED_OUTPUT = 16 * 1024;
    /** Handshakes with 2048-bit RSA, DH and DSA, renegotiations included; hostile lengths must not go beyond. */
    static final long FIXED_ALLOCATION = 32L << 20;
    static final long ALLOCATION_PER_INPUT_BYTE = 256;
    /** What a record may add to its plaintext, header included (RFC 5246 §6.2.3). */
    static final int MAX_EXPANSION = RecordLimits.MAX_RECORD_SIZE - RecordLimits.MAX_PLAINTEXT;
    /**
     * What the engine may hold in buffers of its own: a staging buffer for records that did not fit (one record
     * size, doubled when its flight is longer) and one for plaintext spread over several buffers (one record's), plus
     * one flight ({@link #FIXED_OUTPUT}).
     */
    static final int RETAINED_BOUND = 2 * RecordLimits.MAX_RECORD_SIZE + FIXED_OUTPUT;
    /** The most of the queued input a source shows (a transport's read buffer): four records. */
    static final int MAX_WINDOW = 4 * RecordLimits.MAX_RECORD_SIZE;

    static final int PEER_MODE = 1;
    static final int CLIENT_AUTH = 0x20;
    static final int SNI = 0x40;

    static final int SHAPE_DIRECT = 4;
    static final int SHAPE_GUARDED = 8;
    static final int SHAPE_PREFIXED = 16;
    static final int SHAPE_READ_ONLY_SOURCE = 32;
    static final int SHAPE_DIRECT_SOURCE = 64;
    static final int SHAPE_SOURCE_PREFIXED = 128;

    static final int OP_UNWRAP = 0;
    static final int OP_WRAP = 3;
    static final int OP_RAW = 5;
    static final int OP_PEER = 6;
    static final int OP_VICTIM = 7;

    static final int PEER_SEND = 0;
    static final int PEER_RENEGOTIATE = 1;
    static final int PEER_CLOSE = 2;

    static final int VICTIM_BEGIN_HANDSHAKE = 0;
    static final int VICTIM_CLOSE_OUTBOUND = 1;
    static final int VICTIM_CLOSE_INBOUND = 2;
    static final int VICTIM_GETTERS = 3;

    /** {@code -Djsse.fuzz.trace=true}: every call and its result on stderr, to read a finding's story. */
    private static final boolean TRACE = Boolean.getBoolean("jsse.fuzz.trace");
    private static final int CANARY_LENGTH = 3;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    /** Direct buffers are cut from here (a fresh direct buffer per call would cost the fuzzer its speed). */
    private static final ByteBuffer ARENA = ByteBuffer.allocateDirect(1 << 20);

    /** What a run did, for the seed tests. */
    static final class Report {
        final List<Integer> recordTypes = new ArrayList<>();
        /** The first byte of the first handshake record the victim sent after its opening: the message type. */
        int firstHandshakeMessage = -1;
        int finished;
        long applicationReceived;
        long applicationSent;
        long peerApplicationSent;
        long peerApplicationReceived;
        int stagedWraps;
        int scatteredUnwraps;
        int gatheredWraps;
        SSLException failure;
        /** Everything the peer sent (peer mode): the fed-mode seeds are made of it. */
        byte[] peerWire = new byte[0];
    }

    private record Step(Status status, int consumed, int produced) {
        static final Step FAILED = new Step(null, 0, 0);
    }

    private record Outcome(SSLEngineResult result, SSLException exception) {
    }

    @FunctionalInterface
    private interface EngineCall {
        SSLEngineResult run() throws SSLException;
    }

    private final boolean server;
    private final ShapedInput in;
    private final Budget budget;
    private final Report report = new Report();
    private SSLEngine victim;
    private int packetSize;
    private int applicationSize;
    private SslEngine peer;
    private boolean peerFailed;

    /** Wire bytes for the victim: [netStart, netEnd) not consumed yet, of which its source shows up to netVisible. */
    private final Bytes net = new Bytes();
    private int netVisible;
    /** The victim's output not yet read by the peer. */
    private final Bytes toPeer = new Bytes();
    /** Application data the victim's application has not had taken yet, and the peer's. */
    private final Bytes victimPending = new Bytes();
    private final Bytes peerPending = new Bytes();
    /** Every application byte each side's engine took, in order, to compare with what the other side received. */
    private final Bytes victimSent = new Bytes();
    private final Bytes peerSent = new Bytes();
    private final Bytes peerWire = new Bytes();

    private int handshakesAllowed = 1;
    /** The application closed the victim before its first handshake was done. */
    private boolean closedBeforeFinished;
    private long handshakeOutput;
    private boolean inboundDone;
    private boolean outboundDone;
    private boolean opened;
    /** After a failure: whether records were waiting when it happened, what wrap handed out since, whether CLOSED. */
    private boolean outputPendingAtFailure;
    /** The close_notify had gone out before the failure: nothing may follow it, not even the alert. */
    private boolean outboundDoneAtFailure;
    private final List<Integer> recordsAfterFailure = new ArrayList<>();
    private boolean drainedAfterFailure;
    private int arenaOffset;

    private JsseDriver(boolean server, byte[] data, Budget budget) {
        this.server = server;
        this.in = new ShapedInput(data);
        this.budget = budget;
    }

    /** Runs one input against a server victim ({@code server}) or a client victim. */
    static Report run(boolean server, byte[] data) {
        return new JsseDriver(server, data, new Budget(data.length, FIXED_ALLOCATION, ALLOCATION_PER_INPUT_BYTE))
                .run();
    }

    /**
     * The same without the allocation bound: for loading (and, when fuzzing, instrumenting) every class before inputs
     * are measured, and for recording the seeds' wire.
     */
    static Report runUnbounded(boolean server, byte[] data) {
        return new JsseDriver(server, data, new Budget(0, Long.MAX_VALUE / 2, 0)).run();
    }

    private Report run() {
        int flags = in.choice();
        boolean peerMode = (flags & PEER_MODE) != 0;
        ProtocolVersion version = JsseEngines.VERSIONS.get((flags >> 1) & 3);
        String suite = JsseEngines.suite(version, (flags >> 3) & 3);
        boolean clientAuth = (flags & CLIENT_AUTH) != 0;
        boolean sni = (flags & SNI) != 0;
        if (server) {
            victim = JsseEngines.server(clientAuth ? (peerMode ? 2 : 1) : 0, sni);
            peer = peerMode ? JsseEngines.peerClient(version, suite, clientAuth, sni) : null;
        } else {
            victim = JsseEngines.client(sni ? JsseEngines.SNI_HOST : "localhost");
            peer = peerMode ? JsseEngines.peerServer(version, suite, clientAuth) : null;
        }
        SSLSession s = victim.getSession();
        packetSize = s.getPacketBufferSize();
        applicationSize = s.getApplicationBufferSize();
        peerWrite();
        if (!server) {
            // a client victim has sent its ClientHello before the input starts
            wrap(0, packetSize);
        }
        opened = true;
        while (in.hasMore()) {
            step(in.choice());
        }
        settle();
        finish();
        report.peerWire = peerWire.toArray();
        return report;
    }

    private void step(int op) {
        switch (op & 7) {
            case 0, 1, 2 -> {
                int chunk = in.size();
                int shape = in.choice();
                int[] sizes = new int[1 + (shape & 3)];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = in.size();
                }
                netVisible = Math.min(net.end, netVisible + chunk);
                unwrap(shape, sizes);
            }
            case 3, 4 -> {
                victimPending.add(in.payload(in.size()));
                int shape = in.choice();
                wrap(shape, in.size());
            }
            case OP_RAW -> net.add(in.payload(in.choice16()));
            case OP_PEER -> peerOp(in.choice() & 3);
            default -> victimOp(in.choice() & 3);
        }
    }

    /**
     * Whatever is queued goes to the victim, which unwraps with a buffer of the session's application size and wraps
     * into one of its packet size, until neither side moves: what a conforming application does with a readable
     * socket and enough buffer.
     */
    private void settle() {
        for (int round = 0; round < 16; round++) {
            boolean progress = false;
            for (int i = 0; i < 64; i++) {
                Step s = wrap(0, packetSize);
                if (s.consumed == 0 && s.produced == 0) {
                    break;
                }
                progress = true;
            }
            int records = (net.end - net.start) / RecordLimits.HEADER_LENGTH + 4;
            for (int i = 0; i < records && net.start < net.end; i++) {
                netVisible = net.end;
                Step s = unwrap(0, new int[] {applicationSize});
                if (s.consumed == 0 && s.produced == 0) {
                    break;
                }
                progress = true;
            }
            // a failure moves nothing but leaves the alert to hand out
            if (!progress && handshakeStatus() != HandshakeStatus.NEED_WRAP) {
                return;
            }
        }
    }

    // ---- unwrap -----------------------------------------------------------------------------------------------

    private Step unwrap(int shape, int[] sizes) {
        arenaOffset = 0;
        int window = Math.min(netVisible - net.start, MAX_WINDOW);
        int before = (shape & SHAPE_SOURCE_PREFIXED) != 0 ? CANARY_LENGTH : 0;
        ByteBuffer backing = buffer((shape & SHAPE_DIRECT_SOURCE) != 0, before + window);
        backing.put(before, net.array, net.start, window);
        backing.position(before);
        ByteBuffer src = (shape & SHAPE_READ_ONLY_SOURCE) != 0 ? backing.asReadOnlyBuffer() : backing;
        byte[] sourceBytes = contents(backing);
        Buffers dsts = Buffers.of(this, sizes, (shape & SHAPE_DIRECT) != 0, (shape & SHAPE_GUARDED) != 0,
                (shape & SHAPE_PREFIXED) != 0);
        HandshakeStatus statusBefore = handshakeStatus();
        boolean doneBefore = inboundDone;
        Outcome o = call(TRACE ? "unwrap " + window + " bytes into " + Arrays.toString(sizes) + " shape " + shape
                : "unwrap", () -> victim.unwrap(src, dsts.array, dsts.offset, dsts.length));
        int consumed = src.position() - before;
        int produced = dsts.verify("unwrap");
        checkSourceUntouched(backing, sourceBytes, before, consumed, o.exception != null);
        if (o.exception != null) {
            if (produced != 0) {
                throw new AssertionError("unwrap threw " + o.exception + " after writing " + produced + " bytes");
            }
            failed(o.exception, statusBefore == HandshakeStatus.NEED_WRAP);
            afterCall();
            return Step.FAILED;
        }
        SSLEngineResult r = o.result;
        checkResult("unwrap", r, consumed, window, produced);
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (wholeRecord(window)) {
                    throw new AssertionError("unwrap reported BUFFER_UNDERFLOW with a whole record of "
                            + recordLength(net.start) + " bytes in its source of " + window);
                }
            }
            case BUFFER_OVERFLOW -> {
                if (dsts.room >= applicationSize) {
                    throw new AssertionError("unwrap reported BUFFER_OVERFLOW with " + dsts.room + " bytes of room,"
                            + " the session's application buffer size being " + applicationSize);
                }
            }
            case OK -> {
                if (consumed == 0 && produced == 0) {
                    throw new AssertionError("unwrap returned OK without consuming or producing anything: " + r);
                }
            }
            default -> {
            }
        }
        if (doneBefore && (consumed > 0 || produced > 0)) {
            throw new AssertionError("unwrap took " + consumed + " and gave " + produced + " bytes after"
                    + " isInboundDone() said true: " + r);
        }
        if (report.failure != null && (consumed > 0 || produced > 0 || r.getStatus() != Status.CLOSED)) {
            throw new AssertionError("after its failure (" + report.failure + ") unwrap returned " + r);
        }
        finished(r);
        if (produced > 0) {
            received(dsts.gained());
            if (dsts.buffersGaining() > 1) {
                report.scatteredUnwraps++;
            }
        }
        net.start += consumed;
        afterCall();
        return new Step(r.getStatus(), consumed, produced);
    }

    private boolean wholeRecord(int window) {
        return window >= RecordLimits.HEADER_LENGTH && recordLength(net.start) <= window;
    }

    private int recordLength(int at) {
        return RecordLimits.HEADER_LENGTH + ((net.array[at + 3] & 0xFF) << 8 | (net.array[at + 4] & 0xFF));
    }

    /** The engine may decrypt the record it consumed in place, but must not write anywhere else in the source. */
    private static void checkSourceUntouched(ByteBuffer backing, byte[] before, int position, int consumed,
            boolean threw) {
        byte[] after = contents(backing);
        int from = position;
        int to = position + Math.max(consumed, 0);
        if (threw && after.length - position >= RecordLimits.HEADER_LENGTH) {
            // a refused record may have been decrypted in place before it was refused
            int length = (before[position + 3] & 0xFF) << 8 | (before[position + 4] & 0xFF);
            to = Math.min(after.length, position + RecordLimits.HEADER_LENGTH + length);
        }
        for (int i = 0; i < after.length; i++) {
            if ((i < from || i >= to) && after[i] != before[i]) {
                throw new AssertionError("unwrap wrote into its source at " + i + " (position " + position
                        + ", consumed " + consumed + ")");
            }
        }
    }

    // ---- wrap -------------------------------------------------------------------------------------------------

    private Step wrap(int shape, int dstSize) {
        arenaOffset = 0;
        boolean prefixed = (shape & SHAPE_PREFIXED) != 0;
        byte[] app = victimPending.toArray();
        Sources srcs = Sources.of(this, app, 1 + (shape & 3), (shape & SHAPE_DIRECT_SOURCE) != 0,
                (shape & SHAPE_GUARDED) != 0, prefixed, (shape & SHAPE_READ_ONLY_SOURCE) != 0);
        int before = prefixed ? CANARY_LENGTH : 0;
        ByteBuffer dst = buffer((shape & SHAPE_DIRECT) != 0, before + dstSize);
        dst.position(before);
        byte[] dstBytes = contents(dst);
        HandshakeStatus statusBefore = handshakeStatus();
        boolean doneBefore = outboundDone;
        Outcome o = call(TRACE ? "wrap " + app.length + " bytes into " + dstSize + " shape " + shape : "wrap",
                () -> victim.wrap(srcs.array, srcs.offset, srcs.length, dst));
        int consumed = srcs.verify();
        int produced = dst.position() - before;
        if (dst.limit() != before + dstSize) {
            throw new AssertionError("wrap moved the destination's limit");
        }
        byte[] after = contents(dst);
        for (int i = 0; i < before; i++) {
            if (after[i] != dstBytes[i]) {
                throw new AssertionError("wrap wrote before the destination's position, at " + i);
            }
        }
        if (o.exception != null) {
            if (produced != 0 || consumed != 0) {
                throw new AssertionError("wrap threw " + o.exception + " after taking " + consumed + " and giving "
                        + produced + " bytes");
            }
            failed(o.exception, true);
            afterCall();
            return Step.FAILED;
        }
        SSLEngineResult r = o.result;
        checkResult("wrap", r, consumed, app.length, produced);
        byte[] out = Arrays.copyOfRange(after, before, before + produced);
        List<Integer> types = records(out);
        if (r.getStatus() == Status.BUFFER_OVERFLOW && dstSize >= packetSize) {
            throw new AssertionError("wrap reported BUFFER_OVERFLOW into " + dstSize + " bytes, the session's"
                    + " packet buffer size being " + packetSize);
        }
        if (statusBefore == HandshakeStatus.NEED_WRAP && dstSize >= packetSize && produced == 0) {
            throw new AssertionError("the engine said NEED_WRAP, but a wrap into " + dstSize + " bytes produced"
                    + " nothing: " + r);
        }
        if (doneBefore && produced > 0) {
            throw new AssertionError("wrap produced " + produced + " bytes after isOutboundDone() said true");
        }
        if (consumed > 0 && produced > consumed + 2 * MAX_EXPANSION) {
            throw new AssertionError("wrap made " + produced + " bytes of " + consumed + " bytes of application data");
        }
        if (consumed == 0) {
            handshakeOutput += produced;
        }
        if (report.failure != null) {
            afterFailure(r, consumed, produced, types);
        }
        finished(r);
        if (consumed > 0) {
            victimSent.add(Arrays.copyOf(app, consumed));
            victimPending.start += consumed;
            report.applicationSent += consumed;
            if (srcs.buffersGiving() > 1) {
                report.gatheredWraps++;
            }
        }
        if (opened) {
            report.recordTypes.addAll(types);
            if (report.firstHandshakeMessage < 0 && !types.isEmpty() && types.get(0) == HANDSHAKE
                    && out.length > RecordLimits.HEADER_LENGTH) {
                report.firstHandshakeMessage = out[RecordLimits.HEADER_LENGTH] & 0xFF;
            }
        }
        if (retained() > 0) {
            report.stagedWraps++;
        }
        afterCall();
        if (produced > 0) {
            toPeer.add(out);
            peerRead();
        }
        return new Step(r.getStatus(), consumed, produced);
    }

    /** What a wrap hands out must be whole records of TLS content types, versions and lengths. */
    private static List<Integer> records(byte[] out) {
        List<Integer> types = new ArrayList<>();
        int p = 0;
        while (p < out.length) {
            if (out.length - p < RecordLimits.HEADER_LENGTH) {
                throw new AssertionError("wrap handed out a cut record header at " + p + " of " + out.length);
            }
            int type = out[p] & 0xFF;
            int major = out[p + 1] & 0xFF;
            int minor = out[p + 2] & 0xFF;
            int length = (out[p + 3] & 0xFF) << 8 | (out[p + 4] & 0xFF);
            if (type < 20 || type > 23 || major != 3 || minor > 3 || length > RecordLimits.MAX_CIPHERTEXT) {
                throw new AssertionError(String.format("wrap handed out a record header %02x %02x %02x length %d",
                        type, major, minor, length));
            }
            p += RecordLimits.HEADER_LENGTH + length;
            if (p > out.length) {
                throw new AssertionError("wrap handed out a cut record (" + length + " bytes, " + (out.length - p
                        + length) + " there)");
            }
            types.add(type);
        }
        return types;
    }

    // ---- the checks every call shares --------------------------------------------------------------------------

    /**
     * The result says what happened: bytesConsumed is how far the sources moved and at most what they held,
     * bytesProduced what the destinations gained; OVERFLOW and UNDERFLOW consume and produce nothing; NEED_TASK
     * never comes (the engine has no delegated tasks).
     */
    private static void checkResult(String what, SSLEngineResult r, int consumed, int held, int produced) {
        if (r.bytesConsumed() != consumed) {
            throw new AssertionError(what + " reported " + r.bytesConsumed() + " bytes consumed, the sources moved "
                    + consumed + ": " + r);
        }
        if (consumed < 0 || consumed > held) {
            throw new AssertionError(what + " consumed " + consumed + " of " + held + " bytes: " + r);
        }
        if (r.bytesProduced() != produced) {
            throw new AssertionError(what + " reported " + r.bytesProduced() + " bytes produced, the destinations"
                    + " gained " + produced + ": " + r);
        }
        if ((r.getStatus() == Status.BUFFER_OVERFLOW || r.getStatus() == Status.BUFFER_UNDERFLOW)
                && (consumed != 0 || produced != 0)) {
            throw new AssertionError(what + " reported " + r.getStatus() + " but consumed or produced: " + r);
        }
        if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            throw new AssertionError(what + " asked for a delegated task, and the engine has none");
        }
    }

    /** Runs one engine call under the Budget (time, allocation, nothing but an SSLException escapes). */
    private Outcome call(String what, EngineCall c) {
        try {
            Outcome o = budget.call("SSLEngine." + what, () -> {
                try {
                    return new Outcome(c.run(), null);
                } catch (SSLException e) {
                    return new Outcome(null, e);
                }
            });
            if (TRACE) {
                System.err.println(what + ": " + (o.exception != null ? o.exception : o.result) + "; now "
                        + victim.getHandshakeStatus() + ", retained " + retained());
            }
            return o;
        } catch (SslAlertException e) {
            throw new IllegalStateException("unreachable: no SslAlertException crosses the JSSE API", e);
        }
    }

    private void finished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            report.finished++;
            if (report.finished > handshakesAllowed) {
                throw new AssertionError("FINISHED reported " + report.finished + " times for at most "
                        + handshakesAllowed + " handshakes");
            }
        }
    }

    /** After every call: retained buffers bounded, closed stays closed, and the getters answer. */
    private void afterCall() {
        int retained = retained();
        if (retained > RETAINED_BOUND) {
            throw new AssertionError("the engine retains " + retained + " bytes of buffers (bound " + RETAINED_BOUND
                    + ")");
        }
        boolean in = query("isInboundDone", victim::isInboundDone);
        boolean out = query("isOutboundDone", victim::isOutboundDone);
        if (inboundDone && !in) {
            throw new AssertionError("isInboundDone() went back from true to false");
        }
        if (outboundDone && !out) {
            throw new AssertionError("isOutboundDone() went back from true to false");
        }
        inboundDone = in;
        outboundDone = out;
        if (handshakeStatus() == HandshakeStatus.NEED_TASK) {
            throw new AssertionError("getHandshakeStatus() is NEED_TASK, and the engine has no delegated tasks");
        }
    }

    private int retained() {
        return query("retainedBufferBytes", () -> EngineInternals.retainedBufferBytes(victim));
    }

    private HandshakeStatus handshakeStatus() {
        return query("getHandshakeStatus", victim::getHandshakeStatus);
    }

    @FunctionalInterface
    private interface Getter<T> {
        T get();
    }

    /** A getter must not throw at all. */
    private static <T> T query(String what, Getter<T> getter) {
        try {
            return getter.get();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    // ---- failure ----------------------------------------------------------------------------------------------

    private void failed(SSLException e, boolean outputWaited) {
        if (report.failure == null) {
            report.failure = e;
            outputPendingAtFailure = outputWaited;
            outboundDoneAtFailure = outboundDone;
        }
        if (!query("isInboundDone", victim::isInboundDone)) {
            throw new AssertionError("after " + e + " isInboundDone() is false");
        }
    }

    /**
     * After a failure wrap takes no application data and hands out whole records: what was queued before the failure,
     * then the alert (checked last in {@link #finish}); with nothing queued, only the alert. Once it has nothing to
     * give, CLOSED, and nothing more ever after.
     */
    private void afterFailure(SSLEngineResult r, int consumed, int produced, List<Integer> types) {
        if (consumed > 0) {
            throw new AssertionError("after its failure wrap took " + consumed + " bytes of application data");
        }
        if (produced == 0) {
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                return;
            }
            if (r.getStatus() != Status.CLOSED) {
                throw new AssertionError("after its failure wrap has nothing to send but says " + r.getStatus());
            }
            drainedAfterFailure = true;
            return;
        }
        if (drainedAfterFailure) {
            throw new AssertionError("after its failure wrap said CLOSED, then produced " + produced + " bytes");
        }
        recordsAfterFailure.addAll(types);
        if (!outputPendingAtFailure && (recordsAfterFailure.size() > 1 || types.get(0) != ALERT)) {
            throw new AssertionError("with nothing queued when it failed, wrap handed out records of types "
                    + recordsAfterFailure + ", not just the alert");
        }
    }

    // ---- the peer ---------------------------------------------------------------------------------------------

    private void peerOp(int what) {
        if (TRACE) {
            System.err.println("peer " + List.of("send", "renegotiate", "close", "nothing").get(what));
        }
        if (what == PEER_SEND) {
            byte[] data = in.payload(in.size());
            if (peer != null) {
                peerPending.add(data);
            }
        }
        if (peer == null || peerFailed) {
            return;
        }
        try {
            if (what == PEER_RENEGOTIATE) {
                peer.beginHandshake();
                handshakesAllowed++;
            } else if (what == PEER_CLOSE) {
                peer.closeOutbound();
            }
        } catch (IllegalStateException e) {
            // the peer's configuration does not allow one now (a handshake in progress, the per-minute budget)
        } catch (SslAlertException e) {
            peerFailed(e);
        }
        peerWrite();
    }

    /** The peer reads what the victim sent and answers. */
    private void peerRead() {
        if (peer == null || peerFailed) {
            return;
        }
        ByteBuffer src = ByteBuffer.wrap(toPeer.array, toPeer.start, toPeer.end - toPeer.start);
        ByteBuffer app = ByteBuffer.allocate(peer.applicationBufferSize());
        try {
            for (int i = 0; i < 100_000 && src.hasRemaining(); i++) {
                app.clear();
                SslEngine.Result r = peer.unwrap(src, app);
                if (app.position() > 0) {
                    byte[] got = Arrays.copyOf(app.array(), app.position());
                    if (!victimSent.matches(report.peerApplicationReceived, got)) {
                        throw new AssertionError("the peer received application data the victim did not send at"
                                + " offset " + report.peerApplicationReceived);
                    }
                    report.peerApplicationReceived += got.length;
                }
                if (r.status() == SslEngine.Status.BUFFER_UNDERFLOW || r.status() == SslEngine.Status.CLOSED
                        || r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SslAlertException e) {
            peerFailed(e);
        } finally {
            toPeer.start = src.position();
        }
        peerWrite();
    }

    /** Everything the peer has to send goes to the victim's input queue. */
    private void peerWrite() {
        if (peer == null) {
            return;
        }
        ByteBuffer out = ByteBuffer.allocate(peer.packetBufferSize());
        try {
            for (int i = 0; i < 10_000; i++) {
                out.clear();
                ByteBuffer src = ByteBuffer.wrap(peerPending.array, peerPending.start,
                        peerPending.end - peerPending.start);
                SslEngine.Result r = peer.wrap(peerFailed ? ByteBuffer.allocate(0) : src, out);
                int consumed = r.bytesConsumed();
                if (consumed > 0) {
                    peerSent.add(Arrays.copyOfRange(peerPending.array, peerPending.start,
                            peerPending.start + consumed));
                    peerPending.start += consumed;
                    report.peerApplicationSent += consumed;
                }
                byte[] wire = Arrays.copyOf(out.array(), out.position());
                net.add(wire);
                peerWire.add(wire);
                if (r.bytesProduced() == 0 && consumed == 0) {
                    return;
                }
            }
        } catch (SslAlertException e) {
            peerFailed(e);
        }
    }

    /**
     * sslkit's own engine, fed only what the victim wrapped, refuses it only when the victim failed first or sent an
     * alert, or closed before its first handshake was done (its close_notify then carries the record version of its
     * hello, which a peer that has chosen another one may refuse): anything else means the victim put bytes on the
     * wire that are not the protocol.
     */
    private void peerFailed(SslAlertException e) {
        peerFailed = true;
        if (!e.isReceived() && report.failure == null && !closedBeforeFinished) {
            throw new AssertionError("sslkit's own engine refused what the victim sent: " + e, e);
        }
    }

    /** Application data the victim's unwrap delivered must be exactly what the peer sent, in order. */
    private void received(byte[] data) {
        if (peer != null && !peerSent.matches(report.applicationReceived, data)) {
            throw new AssertionError("unwrap delivered " + data.length + " bytes at offset "
                    + report.applicationReceived + " that the peer did not send there");
        }
        report.applicationReceived += data.length;
    }

    // ---- the victim's application -------------------------------------------------------------------------------

    private void victimOp(int what) {
        switch (what) {
            case VICTIM_BEGIN_HANDSHAKE -> {
                boolean established = report.finished > 0;
                Outcome o = call("beginHandshake", () -> {
                    victim.beginHandshake();
                    return null;
                });
                if (o.exception == null && established) {
                    handshakesAllowed++;
                }
                if (o.exception != null && alertOf(o.exception) != null) {
                    failed(o.exception, handshakeStatus() == HandshakeStatus.NEED_WRAP);
                }
            }
            case VICTIM_CLOSE_OUTBOUND -> call("closeOutbound", () -> {
                closedBeforeFinished |= report.finished == 0;
                victim.closeOutbound();
                return null;
            });
            case VICTIM_CLOSE_INBOUND -> call("closeInbound", () -> {
                closedBeforeFinished |= report.finished == 0;
                // without the peer's close_notify this is a truncation, which JSSE reports with an SSLException
                victim.closeInbound();
                return null;
            });
            default -> query("the getters", () -> {
                SSLSession s = victim.getSession();
                s.getCipherSuite();
                s.getProtocol();
                s.isValid();
                victim.getHandshakeSession();
                victim.getSSLParameters();
                victim.getApplicationProtocol();
                if (victim.getDelegatedTask() != null) {
                    throw new AssertionError("a delegated task, from an engine that has none");
                }
                return null;
            });
        }
        afterCall();
    }

    private static SslAlertException alertOf(SSLException e) {
        if (e.getCause() instanceof SslAlertException a) {
            return a;
        }
        for (Throwable t : e.getSuppressed()) {
            if (t instanceof SslAlertException a) {
                return a;
            }
        }
        return null;
    }

    // ---- the end ----------------------------------------------------------------------------------------------

    /**
     * Once settled: an engine with nothing to hand out holds no buffers; what it sent on its own stays within a
     * flight per handshake and the input's length; a failure it did not receive put its alert on the wire last
     * (unless its close_notify had gone out before: nothing follows that).
     */
    private void finish() {
        if (handshakeStatus() != HandshakeStatus.NEED_WRAP && retained() != 0) {
            throw new AssertionError("an engine with nothing to hand out retains " + retained() + " bytes");
        }
        long allowed = (long) FIXED_OUTPUT * handshakesAllowed + in.length();
        if (handshakeOutput > allowed) {
            throw new AssertionError(handshakeOutput + " bytes sent besides application data for " + in.length()
                    + " input bytes and " + handshakesAllowed + " handshakes");
        }
        if (report.failure != null) {
            SslAlertException a = alertOf(report.failure);
            boolean received = a != null && a.isReceived();
            int last = recordsAfterFailure.isEmpty() ? -1 : recordsAfterFailure.get(recordsAfterFailure.size() - 1);
            if (!received && !outboundDoneAtFailure && last != ALERT) {
                throw new AssertionError("the engine failed (" + report.failure + ") but did not hand out its alert"
                        + " last: " + recordsAfterFailure);
            }
        }
    }

    // ---- buffers ----------------------------------------------------------------------------------------------

    /**
     * A buffer of {@code capacity} filled with a pattern (so that a write shows): direct ones are cut from the arena,
     * which every call starts afresh.
     */
    ByteBuffer buffer(boolean direct, int capacity) {
        ByteBuffer b;
        if (direct && arenaOffset + capacity <= ARENA.capacity()) {
            b = ARENA.slice(arenaOffset, capacity);
            arenaOffset += capacity;
        } else if (direct) {
            b = ByteBuffer.allocateDirect(capacity);
        } else {
            b = ByteBuffer.allocate(capacity);
        }
        for (int i = 0; i < capacity; i++) {
            b.put(i, (byte) (i * 31 + 7));
        }
        return b;
    }

    /** Every byte of the buffer, whatever its position and limit. */
    static byte[] contents(ByteBuffer b) {
        byte[] out = new byte[b.capacity()];
        b.get(0, out, 0, out.length);
        return out;
    }

    /**
     * The destinations of one unwrap: {@code array[offset, offset + length)} are the caller's buffers, each
     * optionally behind bytes of the caller's; with guards, one buffer before and one after must not change at all.
     */
    static final class Buffers {
        ByteBuffer[] array;
        int offset;
        int length;
        int room;
        private int[] positions;
        private int[] limits;
        private byte[][] before;

        static Buffers of(JsseDriver d, int[] sizes, boolean direct, boolean guarded, boolean prefixed) {
            Buffers b = new Buffers();
            int guards = guarded ? 1 : 0;
            b.array = new ByteBuffer[sizes.length + 2 * guards];
            b.offset = guards;
            b.length = sizes.length;
            for (int i = 0; i < b.array.length; i++) {
                boolean inRange = i >= b.offset && i < b.offset + b.length;
                int size = inRange ? sizes[i - b.offset] : 16;
                int skip = prefixed || !inRange ? CANARY_LENGTH : 0;
                b.array[i] = d.buffer(direct, skip + size);
                b.array[i].position(skip);
                if (inRange) {
                    b.room += size;
                }
            }
            b.positions = new int[b.array.length];
            b.limits = new int[b.array.length];
            b.before = new byte[b.array.length][];
            for (int i = 0; i < b.array.length; i++) {
                b.positions[i] = b.array[i].position();
                b.limits[i] = b.array[i].limit();
                b.before[i] = contents(b.array[i]);
            }
            return b;
        }

        /** Checks what the call did to the buffers; returns how many bytes they gained. */
        int verify(String what) {
            int gained = 0;
            for (int i = 0; i < array.length; i++) {
                ByteBuffer b = array[i];
                boolean inRange = i >= offset && i < offset + length;
                byte[] after = contents(b);
                if (b.limit() != limits[i]) {
                    throw new AssertionError(what + " moved the limit of destination " + i);
                }
                if (!inRange) {
                    if (b.position() != positions[i] || !Arrays.equals(after, before[i])) {
                        throw new AssertionError(what + " touched buffer " + i + ", outside the range it was given ["
                                + offset + ", " + (offset + length) + ")");
                    }
                    continue;
                }
                if (b.position() < positions[i]) {
                    throw new AssertionError(what + " moved destination " + i + "'s position back");
                }
                for (int j = 0; j < positions[i]; j++) {
                    if (after[j] != before[i][j]) {
                        throw new AssertionError(what + " wrote before destination " + i + "'s position, at " + j);
                    }
                }
                gained += b.position() - positions[i];
            }
            return gained;
        }

        /** The bytes the destinations gained, in order. */
        byte[] gained() {
            Bytes out = new Bytes();
            for (int i = offset; i < offset + length; i++) {
                byte[] all = contents(array[i]);
                out.add(Arrays.copyOfRange(all, positions[i], array[i].position()));
            }
            return out.toArray();
        }

        int buffersGaining() {
            int n = 0;
            for (int i = offset; i < offset + length; i++) {
                if (array[i].position() > positions[i]) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * The sources of one wrap: the application's pending data spread over {@code count} buffers (the first empty when
     * there are four), in a sub-range between two guards when asked, read-only when asked.
     */
    static final class Sources {
        ByteBuffer[] array;
        int offset;
        int length;
        private ByteBuffer[] backing;
        private int[] positions;
        private byte[][] before;

        static Sources of(JsseDriver d, byte[] data, int count, boolean direct, boolean guarded, boolean prefixed,
                boolean readOnly) {
            Sources s = new Sources();
            int guards = guarded ? 1 : 0;
            s.array = new ByteBuffer[count + 2 * guards];
            s.backing = new ByteBuffer[s.array.length];
            s.offset = guards;
            s.length = count;
            int pieces = count == 4 ? 3 : count;
            int at = 0;
            for (int i = 0; i < s.array.length; i++) {
                boolean inRange = i >= s.offset && i < s.offset + s.length;
                int piece = inRange ? i - s.offset - (count == 4 ? 1 : 0) : -1;
                byte[] bytes;
                if (!inRange) {
                    bytes = new byte[] {1, 2, 3, 4, 5};
                } else if (piece < 0) {
                    bytes = new byte[0];
                } else {
                    int end = piece == pieces - 1 ? data.length : at + data.length / pieces;
                    bytes = Arrays.copyOfRange(data, at, end);
                    at = end;
                }
                int skip = prefixed ? CANARY_LENGTH : 0;
                ByteBuffer b = d.buffer(direct, skip + bytes.length);
                b.put(skip, bytes);
                b.position(skip);
                s.backing[i] = b;
                s.array[i] = readOnly ? b.asReadOnlyBuffer() : b;
            }
            s.positions = new int[s.array.length];
            s.before = new byte[s.array.length][];
            for (int i = 0; i < s.array.length; i++) {
                s.positions[i] = s.array[i].position();
                s.before[i] = contents(s.backing[i]);
            }
            return s;
        }

        /**
         * Sources are never written, move only within the range, forward, in order (a buffer only once those before
         * it are used up); returns how far they moved.
         */
        int verify() {
            int moved = 0;
            boolean earlierLeft = false;
            for (int i = 0; i < array.length; i++) {
                ByteBuffer b = array[i];
                if (!Arrays.equals(contents(backing[i]), before[i])) {
                    throw new AssertionError("wrap wrote into source " + i);
                }
                int delta = b.position() - positions[i];
                boolean inRange = i >= offset && i < offset + length;
                if (!inRange && delta != 0 || delta < 0) {
                    throw new AssertionError("wrap moved source " + i + " by " + delta + " (range [" + offset + ", "
                            + (offset + length) + "))");
                }
                if (delta > 0 && earlierLeft) {
                    throw new AssertionError("wrap took from source " + i + " while an earlier one had bytes left");
                }
                if (inRange && b.hasRemaining()) {
                    earlierLeft = true;
                }
                moved += delta;
            }
            return moved;
        }

        int buffersGiving() {
            int n = 0;
            for (int i = offset; i < offset + length; i++) {
                if (array[i].position() > positions[i]) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A byte queue: bytes are added at {@link #end} and taken from {@link #start}. */
    static final class Bytes {
        byte[] array = new byte[64];
        int start;
        int end;

        void add(byte[] b) {
            if (array.length - end < b.length) {
                byte[] bigger = new byte[Math.max(2 * array.length, end + b.length)];
                System.arraycopy(array, 0, bigger, 0, end);
                array = bigger;
            }
            System.arraycopy(b, 0, array, end, b.length);
            end += b.length;
        }

        byte[] toArray() {
            return Arrays.copyOfRange(array, start, end);
        }

        /** Whether {@code b} is what was added at {@code offset} (counted from the first byte ever added). */
        boolean matches(long offset, byte[] b) {
            return offset + b.length <= end
                    && Arrays.equals(array, (int) offset, (int) offset + b.length, b, 0, b.length);
        }
    }
}
