package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Sends bytes and checks they come back unchanged; the echoing side copies until end of stream. */
final class Echo {
    private Echo() {
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Copies in to out until end of stream. */
    static void echo(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** Writes {@code data} from another thread while reading it back here, then compares. */
    static void roundTrip(InputStream in, OutputStream out, byte[] data) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int off = 0; off < data.length; off += 10_000) {
                    out.write(data, off, Math.min(10_000, data.length - off));
                }
                out.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "echo-writer");
            t.setDaemon(true);
            t.start();
        });
        byte[] back = in.readNBytes(data.length);
        writer.get(30, TimeUnit.SECONDS);
        assertArrayEquals(data, back);
    }
}
