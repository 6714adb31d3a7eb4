package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each check of the Bleichenbacher countermeasure on its own: an encryption block that is right except for one
 * detail must give a random secret, silently.
 */
class PreMasterSecretDecryptorTest {
    private static final TestCredentials SERVER = TestCredentials.rsa(1024);
    private static final int K = 128;
    private static final int VERSION = 0x0301;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A well-formed block: 00 02 PS 00 03 01 random[46]. */
    private static byte[] block() {
        byte[] em = new byte[K];
        em[1] = 2;
        for (int i = 2; i < K - 49; i++) {
            em[i] = (byte) (1 + RANDOM.nextInt(255));
        }
        em[K - 48] = 3;
        em[K - 47] = 1;
        for (int i = K - 46; i < K; i++) {
            em[i] = (byte) RANDOM.nextInt(256);
        }
        return em;
    }

    private static byte[] decrypt(byte[] em) throws Exception {
        RSAPublicKey pub = (RSAPublicKey) SERVER.keyPair().getPublic();
        BigInteger c = new BigInteger(1, em).modPow(pub.getPublicExponent(), pub.getModulus());
        RsaPrivateOperation op = new RsaPrivateOperation(SERVER.keyPair().getPrivate(), null);
        return PreMasterSecretDecryptor.decrypt(op, RsaPrivateOperation.toFixedLength(c, K), VERSION, RANDOM);
    }

    private static void assertRejected(Consumer<byte[]> damage) throws Exception {
        byte[] em = block();
        damage.accept(em);
        byte[] secret = decrypt(em);
        assertEquals(48, secret.length);
        assertFalse(Arrays.equals(Arrays.copyOfRange(em, K - 48, K), secret));
    }

    @Test
    void wellFormedBlockGivesItsSecret() throws Exception {
        byte[] em = block();
        assertArrayEquals(Arrays.copyOfRange(em, K - 48, K), decrypt(em));
    }

    @Test
    void firstByteNotZero() throws Exception {
        assertRejected(em -> em[0] = 1);
    }

    @Test
    void blockTypeOneInsteadOfTwo() throws Exception {
        assertRejected(em -> em[1] = 1);
    }

    @Test
    void zeroInsidePaddingMakesTheSecretLonger() throws Exception {
        assertRejected(em -> em[20] = 0);
    }

    @Test
    void zeroInLastPaddingByteMakesTheSecretTooLong() throws Exception {
        assertRejected(em -> em[K - 50] = 0);
    }

    @Test
    void noSeparatorMeansAShorterSecret() throws Exception {
        assertRejected(em -> em[K - 49] = 5);
    }

    @Test
    void wrongVersionMajor() throws Exception {
        assertRejected(em -> em[K - 48] = 2);
    }

    @Test
    void wrongVersionMinorAsAVersionRollbackWouldShow() throws Exception {
        assertRejected(em -> em[K - 47] = 0);
    }
}
