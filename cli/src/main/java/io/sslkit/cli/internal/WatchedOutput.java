package io.sslkit.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes output through and remembers it, so that the demo can wait for a line that another thread prints (the
 * server's account of a connection) before it narrates the next step.
 */
final class WatchedOutput extends OutputStream {
    private final OutputStream target;
    private final StringBuilder seen = new StringBuilder();

    WatchedOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        target.write(b);
        seen.append((char) (b & 0xFF));
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        seen.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
        notifyAll();
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    /** Waits up to {@code millis} for {@code text} to have been written; true when it was. */
    synchronized boolean await(String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (seen.indexOf(text) < 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
