package io.sslkit.record.testing;

import java.security.SecureRandom;
import java.util.Random;

/** A repeatable "SecureRandom" so that tests can predict the explicit IVs. Tests only. */
public final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Random random;

    public FixedRandom(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
