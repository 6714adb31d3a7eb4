package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: one PRF object serves a whole handshake, its HMACs keyed again for each call. Every call of one instance
 * must still match the JDK's own TLS PRF, whatever came before it: secrets of different lengths (one longer than the
 * hash's block, which HMAC hashes first; an empty one) and outputs that end inside a hash block.
 */
class PrfReuseTest {
    static final Class<?>[] PRF_TYPES = {SecretKey.class, String.class, byte[].class, int.class, String.class,
        int.class, int.class};

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] expected(byte[] secret, String label, byte[] seed, int length, String hash, int hashLength,
                           int blockLength) throws Exception {
        Object spec = KeyScheduleKnownAnswerTest.spec("TlsPrfParameterSpec", PRF_TYPES,
                secret.length == 0 ? null : new SecretKeySpec(secret, "Generic"), label, seed, length, hash,
                hashLength, blockLength);
        return KeyScheduleKnownAnswerTest.generate(hash == null ? "SunTlsPrf" : "SunTls12Prf", spec).getEncoded();
    }

    @Test
    void tls10InstanceReusedAcrossCalls() throws Exception {
        Random r = new Random(10);
        Prf prf = Prf.tls10(Digests.of(KeyScheduleKnownAnswerTest.REGISTRY));
        for (int secretLength : new int[] {48, 200, 0, 47, 48}) {
            for (int length : new int[] {12, 104, 33}) {
                byte[] secret = bytes(r, secretLength);
                byte[] seed = bytes(r, 64);
                assertArrayEquals(expected(secret, "key expansion", seed, length, null, 0, 0),
                        prf.compute(secret, "key expansion", seed, length), secretLength + "/" + length);
            }
        }
    }

    @Test
    void tls12InstancesReusedAcrossCalls() throws Exception {
        Random r = new Random(12);
        Digests digests = Digests.of(KeyScheduleKnownAnswerTest.REGISTRY);
        Prf sha256 = Prf.tls12(digests, "SHA256");
        Prf sha384 = Prf.tls12(digests, "SHA384");
        for (int secretLength : new int[] {48, 300, 0, 48}) {
            for (int length : new int[] {12, 72, 150}) {
                byte[] secret = bytes(r, secretLength);
                byte[] seed = bytes(r, 64);
                assertArrayEquals(expected(secret, "master secret", seed, length, "SHA-256", 32, 64),
                        sha256.compute(secret, "master secret", seed, length), "SHA256 " + secretLength + "/" + length);
                assertArrayEquals(expected(secret, "master secret", seed, length, "SHA-384", 48, 128),
                        sha384.compute(secret, "master secret", seed, length), "SHA384 " + secretLength + "/" + length);
            }
        }
    }
}
