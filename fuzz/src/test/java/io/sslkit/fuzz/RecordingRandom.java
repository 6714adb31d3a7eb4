package io.sslkit.fuzz;

import io.sslkit.handshake.testing.DeterministicRandom;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DeterministicRandom} that keeps a copy of every draw, so that the test can recognise the server's
 * ephemeral Diffie-Hellman private value among them (checking each candidate against the public value on the wire,
 * so nothing assumes in which order or how many draws the engine makes). The engine gets no new API: the test
 * simply owns the randomness it hands to the engine, as a fuzzer mode does.
 */
final class RecordingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final transient List<byte[]> draws;

    RecordingRandom(long seed) {
        this(new DeterministicRandom(seed), new ArrayList<>());
    }

    private RecordingRandom(SecureRandom source, List<byte[]> draws) {
        super(new Spi(source, draws), null);
        this.draws = draws;
    }

    /** Every draw so far, oldest first. */
    List<byte[]> draws() {
        synchronized (draws) {
            return List.copyOf(draws);
        }
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient SecureRandom source;
        private final transient List<byte[]> draws;

        Spi(SecureRandom source, List<byte[]> draws) {
            this.source = source;
            this.draws = draws;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            source.setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
            synchronized (draws) {
                draws.add(bytes.clone());
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return source.generateSeed(numBytes);
        }
    }
}
