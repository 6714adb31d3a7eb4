package io.sslkit.handshake.testing;

import io.sslkit.api.SslAlertException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The invariants every fuzz target asserts for one input: only {@link SslAlertException} escapes the code under test
 * (anything else becomes an {@link AssertionError}, which Jazzer reports as a finding), no single call takes longer
 * than {@link #MAX_CALL_MILLIS}, and the bytes allocated while handling the input stay within
 * {@code fixedBytes + bytesPerInputByte * inputLength}.
 */
public final class Budget {
    /** Per call; generous because the first calls of a JVM also load and JIT-compile classes. */
    public static final long MAX_CALL_MILLIS = 2000;

    /**
     * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes, looked up at run time: these tests are compiled
     * into the io.sslkit.handshake module, which does not read java.management (they run on the class path).
     */
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytes();

    @FunctionalInterface
    public interface Call<T> {
        T run() throws SslAlertException;
    }

    private final long allowedBytes;
    private long allocated;

    public Budget(int inputLength, long fixedBytes, long bytesPerInputByte) {
        this.allowedBytes = fixedBytes + bytesPerInputByte * inputLength;
    }

    /** Runs one call of the code under test under the invariants; an alert passes through unchanged. */
    public <T> T call(String what, Call<T> call) throws SslAlertException {
        long before = allocatedBytesOfThisThread();
        long start = System.nanoTime();
        try {
            return call.run();
        } catch (SslAlertException e) {
            if (e.alert() == null) {
                throw new AssertionError(what + ": SslAlertException without an alert", e);
            }
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(what + " let " + t.getClass().getName() + " escape instead of an alert", t);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            allocated += allocatedBytesOfThisThread() - before;
            if (millis > MAX_CALL_MILLIS) {
                throw new OverBudget(what + " took " + millis + " ms (bound " + MAX_CALL_MILLIS + " ms)");
            }
            if (allocated > allowedBytes) {
                throw new OverBudget(what + ": " + allocated + " bytes allocated for this input (bound "
                        + allowedBytes + ")");
            }
        }
    }

    private static MethodHandle allocatedBytes() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup().findVirtual(bean, "getCurrentThreadAllocatedBytes",
                    MethodType.methodType(long.class)).bindTo(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no thread allocation counter in this JVM", e);
        }
    }

    /** Bytes this thread has allocated since it started. */
    public static long allocatedBytesOfThisThread() {
        try {
            return (long) ALLOCATED_BYTES.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs a target's body; when it overspends its allocation or time budget, runs it again, a few times. The first
     * time a class is loaded (and, when fuzzing, instrumented) its loading allocates on the calling thread, and each
     * run may get further into code not yet loaded; a GC pause or the machine's other load can stretch one run. A
     * deterministic input still over a bound on every run is a finding.
     */
    public static void allowingClassLoading(Runnable body) {
        for (int attempt = 1; ; attempt++) {
            try {
                body.run();
                return;
            } catch (OverBudget e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The allocation or the time bound was exceeded. */
    public static final class OverBudget extends AssertionError {
        private static final long serialVersionUID = 1L;

        OverBudget(String message) {
            super(message);
        }
    }
}
