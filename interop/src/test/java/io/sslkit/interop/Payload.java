package io.sslkit.interop;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The application data of a cell: 64 KiB of lines of lowercase hex digits. Lines, because s_server -rev answers
 * line by line; lowercase hex, because s_client treats a chunk starting with Q, R or k as a command.
 */
final class Payload {
    static final int SIZE = 64 * 1024;
    private static final int LINE = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Payload() {
    }

    /** Random each time, so that a peer replaying an earlier cell's bytes cannot pass. */
    static byte[] lines(long seed) {
        Random r = new Random(seed);
        byte[] out = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            out[i] = (byte) (i % LINE == LINE - 1 ? '\n' : HEX[r.nextInt(16)]);
        }
        return out;
    }

    /** What s_server -rev sends back: every line reversed, still ending in a newline. */
    static byte[] reversedLines(byte[] data) {
        byte[] out = new byte[data.length];
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                for (int j = start; j < i; j++) {
                    out[j] = data[i - 1 - (j - start)];
                }
                out[i] = '\n';
                start = i + 1;
            }
        }
        if (start != data.length) {
            throw new IllegalArgumentException("data must end with a newline");
        }
        return out;
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }
}
