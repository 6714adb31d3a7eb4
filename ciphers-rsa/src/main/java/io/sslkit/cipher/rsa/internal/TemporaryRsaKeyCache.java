package io.sslkit.cipher.rsa.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 512-bit temporary RSA key of RSA_EXPORT. Generating one per handshake would cost more than the handshake, so
 * one key serves many, and is replaced after an hour or 200 handshakes (the limits SunJSSE's EphemeralKeyManager
 * uses) so that factoring it does not open every session for long.
 */
final class TemporaryRsaKeyCache {
    static final int EXPORT_KEY_BITS = 512;
    static final long DEFAULT_LIFETIME_MILLIS = 3_600_000L;
    static final int DEFAULT_MAX_USES = 200;

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryRsaKeyCache.class);

    private final long lifetimeMillis;
    private final int maxUses;
    private final SecureRandom random = new SecureRandom();
    private KeyPair current;
    private long createdAt;
    private int uses;

    TemporaryRsaKeyCache() {
        this(DEFAULT_LIFETIME_MILLIS, DEFAULT_MAX_USES);
    }

    TemporaryRsaKeyCache(long lifetimeMillis, int maxUses) {
        this.lifetimeMillis = lifetimeMillis;
        this.maxUses = maxUses;
    }

    synchronized KeyPair get() {
        long now = System.currentTimeMillis();
        if (current == null || uses >= maxUses || now - createdAt >= lifetimeMillis) {
            current = generate();
            createdAt = now;
            uses = 0;
            LOG.debug("generated a new {}-bit temporary RSA key for RSA_EXPORT", EXPORT_KEY_BITS);
        }
        uses++;
        return current;
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(EXPORT_KEY_BITS, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no RSA key pair generator", e);
        }
    }
}
