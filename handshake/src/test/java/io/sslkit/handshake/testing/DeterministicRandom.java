package io.sslkit.handshake.testing;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A SecureRandom whose output depends only on its seed, so a fuzz input replays the same way every time (the
 * "deterministic randomness" of fuzzer mode). Test-only: it is exactly as unpredictable
 * as its seed.
 */
public final class DeterministicRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    public DeterministicRandom(long seed) {
        super(new Spi(seed), null);
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private long state;

        Spi(long seed) {
            this.state = seed;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            for (byte b : seed) {
                state = state * 31 + b;
            }
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next();
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            engineNextBytes(b);
            return b;
        }

        /** SplitMix64: full-period and well mixed, which is all a reproducible test needs. */
        private long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
