package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The TLS 1.2 signature hash: from the peer's list, long enough for the key where the peer allows it. */
class SignaturesTest {
    static final AlgorithmRegistry REGISTRY = KeyScheduleKnownAnswerTest.REGISTRY;

    static int dsa(int hash) throws SslAlertException {
        return (hash << 8) | Signatures.forKey(REGISTRY, "DSA").tlsCode();
    }

    @Test
    void aHashShorterThanTheKeysQIsAvoidedWhenTheListAllowsALongerOne() throws Exception {
        SignatureAlgorithm dsa = Signatures.forKey(REGISTRY, "DSA");
        int[] list = {dsa(Signatures.HASH_SHA1), dsa(Signatures.HASH_SHA256), dsa(Signatures.HASH_SHA384)};
        // our preference puts SHA-256 first; a key asking for more than 256 bits must not get it
        assertEquals(Signatures.HASH_SHA256, Signatures.chooseHash(REGISTRY, dsa, list, 256));
        assertEquals(Signatures.HASH_SHA384, Signatures.chooseHash(REGISTRY, dsa, list, 257));
        // SHA-1 listed first by the peer still loses to a hash that covers a 224-bit q
        assertEquals(Signatures.HASH_SHA256, Signatures.chooseHash(REGISTRY, dsa, list, 224));
    }

    @Test
    void onlyAShortHashListedStillSigns() throws Exception {
        SignatureAlgorithm dsa = Signatures.forKey(REGISTRY, "DSA");
        assertEquals(Signatures.HASH_SHA1,
                Signatures.chooseHash(REGISTRY, dsa, new int[] {dsa(Signatures.HASH_SHA1)}, 256));
        assertEquals(Signatures.HASH_SHA1, Signatures.chooseHash(REGISTRY, dsa, null, 256));
        assertThrows(SslAlertException.class,
                () -> Signatures.chooseHash(REGISTRY, dsa, new int[] {(Signatures.HASH_SHA256 << 8) | 1}, 0));
    }

    @Test
    void theMinimumIsTheBitLengthOfQ() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(1024, new SecureRandom());
        assertEquals(160, Signatures.minimumHashBits(g.generateKeyPair().getPrivate()));
        g.initialize(2048, new SecureRandom());
        java.security.interfaces.DSAPrivateKey big =
                (java.security.interfaces.DSAPrivateKey) g.generateKeyPair().getPrivate();
        assertEquals(big.getParams().getQ().bitLength(), Signatures.minimumHashBits(big));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024, new SecureRandom());
        assertEquals(0, Signatures.minimumHashBits(rsa.generateKeyPair().getPrivate()));
    }
}
