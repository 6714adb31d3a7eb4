package io.sslkit.handshake.testing;

import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslEngine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Feeds wire bytes to an engine the way a transport would (unwrap until it needs more, wrap out whatever it wants to
 * send) under a {@link Budget}, and checks the engine-level invariants: progress on every call, output bounded by
 * the input, and a failed engine stays failed. It also counts the application data the
 * engine delivered.
 */
public final class EngineDriver {
    private final SslEngine engine;
    private final Budget budget;
    private final ByteBuffer app;
    private final ByteBuffer net;
    private long produced;
    private long applicationBytes;

    public EngineDriver(SslEngine engine, Budget budget) {
        this.engine = engine;
        this.budget = budget;
        this.app = ByteBuffer.allocate(engine.applicationBufferSize());
        this.net = ByteBuffer.allocate(engine.packetBufferSize());
    }

    /** Wire bytes the engine has produced so far (drained and discarded, or collected by {@link #drain}). */
    public long produced() {
        return produced;
    }

    /** Application data bytes unwrap has delivered so far. */
    public long applicationBytes() {
        return applicationBytes;
    }

    /**
     * Feeds {@code input}; returns the alert the engine ended with, or null when it accepted everything (possibly
     * waiting for more). Everything the engine wants to send is drained before and after each record.
     */
    public SslAlertException feed(byte[] input) {
        ByteBuffer src = ByteBuffer.wrap(input);
        try {
            drain(null);
            // every unwrap either consumes a whole record (at least its 5-byte header) or ends the loop
            int maxCalls = input.length / 5 + 4;
            for (int calls = 0; src.hasRemaining(); calls++) {
                if (calls > maxCalls) {
                    throw new AssertionError("unwrap made no progress: " + calls + " calls for " + input.length
                            + " bytes");
                }
                app.clear();
                int before = src.position();
                SslEngine.Result r = budget.call("unwrap", () -> engine.unwrap(src, app));
                checkResult(r, src.position() - before);
                applicationBytes += r.bytesProduced();
                drain(null);
                if (r.status() == SslEngine.Status.BUFFER_UNDERFLOW || r.status() == SslEngine.Status.CLOSED) {
                    break;
                }
            }
            return null;
        } catch (SslAlertException e) {
            afterFailure(e);
            return e;
        }
    }

    private void checkResult(SslEngine.Result r, int consumed) {
        if (r.bytesConsumed() != consumed || consumed < 0) {
            throw new AssertionError("unwrap reported " + r.bytesConsumed() + " bytes consumed, the buffer moved "
                    + consumed);
        }
        if (r.status() == SslEngine.Status.OK && consumed == 0 && r.bytesProduced() == 0) {
            throw new AssertionError("unwrap returned OK without consuming or producing anything");
        }
        if (r.bytesProduced() > app.capacity()) {
            throw new AssertionError("unwrap produced " + r.bytesProduced() + " plaintext bytes");
        }
    }

    /**
     * Wraps until the engine has nothing more to send; appends the bytes to {@code sink} when not null.
     */
    public void drain(ByteArrayOutputStream sink) throws SslAlertException {
        for (int calls = 0; ; calls++) {
            if (calls > 1000) {
                throw new AssertionError("wrap keeps producing output");
            }
            net.clear();
            SslEngine.Result r = budget.call("wrap", () -> engine.wrap(ByteBuffer.allocate(0), net));
            if (r.bytesProduced() == 0) {
                return;
            }
            produced += r.bytesProduced();
            if (sink != null) {
                sink.write(net.array(), 0, net.position());
            }
        }
    }

    /**
     * A client's opening (its ClientHello) sent, then the fuzzer's bytes fed as the server's records; returns what
     * the client sent in answer to them.
     */
    public long openThenFeed(byte[] input) {
        try {
            drain(null);
        } catch (SslAlertException e) {
            throw new AssertionError("the client could not start", e);
        }
        long before = produced;
        feed(input);
        return produced - before;
    }

    /** The fatal alert still goes out, and the engine refuses anything more. */
    private void afterFailure(SslAlertException e) {
        try {
            drain(null);
        } catch (SslAlertException ignored) {
            // a failed engine may report its failure again while it hands out the alert record
        }
        if (engine.failure() == null) {
            throw new AssertionError("engine threw " + e.alert() + " but does not report a failure");
        }
        try {
            SslEngine.Result r = budget.call("unwrap after failure",
                    () -> engine.unwrap(ByteBuffer.wrap(new byte[] {23, 3, 1, 0, 1, 0}), app));
            if (r.status() != SslEngine.Status.CLOSED) {
                throw new AssertionError("a failed engine accepted more input: " + r);
            }
        } catch (SslAlertException expected) {
            // the failure is reported again: fine
        }
    }
}
