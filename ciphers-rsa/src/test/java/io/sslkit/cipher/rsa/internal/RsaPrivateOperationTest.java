package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Random;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The raw private operation is c^d mod n as k bytes, whichever path and whichever key class. */
class RsaPrivateOperationTest {
    private static final RSAPrivateCrtKey KEY = (RSAPrivateCrtKey) TestCredentials.rsa(1024).keyPair().getPrivate();

    private static void assertTextbook(RsaPrivateOperation op, BigInteger c) {
        BigInteger n = KEY.getModulus();
        byte[] expected = RsaPrivateOperation.toFixedLength(c.modPow(KEY.getPrivateExponent(), n), 128);
        assertArrayEquals(expected, op.apply(c, new SecureRandom()), "input " + c.toString(16));
    }

    @Test
    void everyKeyClassAndPathAgreesWithTheTextbookFormula() throws Exception {
        PrivateKey bcCrt = KeyFactory.getInstance("RSA", new BouncyCastleProvider()).generatePrivate(
                new RSAPrivateCrtKeySpec(KEY.getModulus(), KEY.getPublicExponent(), KEY.getPrivateExponent(),
                        KEY.getPrimeP(), KEY.getPrimeQ(), KEY.getPrimeExponentP(), KEY.getPrimeExponentQ(),
                        KEY.getCrtCoefficient()));
        PrivateKey plain = KeyFactory.getInstance("RSA").generatePrivate(
                new RSAPrivateKeySpec(KEY.getModulus(), KEY.getPrivateExponent()));
        RsaPrivateOperation[] ops = {new RsaPrivateOperation(KEY, null), new RsaPrivateOperation(bcCrt, null),
                new RsaPrivateOperation(plain, KEY.getPublicExponent())};
        BigInteger n = KEY.getModulus();
        Random r = new Random(21);
        for (RsaPrivateOperation op : ops) {
            // the edges: results with leading zero bytes must still come out k bytes long
            assertTextbook(op, BigInteger.ZERO);
            assertTextbook(op, BigInteger.ONE);
            assertTextbook(op, n.subtract(BigInteger.ONE));
            for (int i = 0; i < 20; i++) {
                assertTextbook(op, new BigInteger(n.bitLength() - 1, r));
            }
        }
    }

    @Test
    void inputsOutsideTheModulusAreRefused() throws Exception {
        RsaPrivateOperation op = new RsaPrivateOperation(KEY, null);
        assertThrows(IllegalArgumentException.class, () -> op.apply(KEY.getModulus(), new SecureRandom()));
        assertThrows(IllegalArgumentException.class, () -> op.apply(BigInteger.ONE.negate(), new SecureRandom()));
    }

    /** RsaSignature keeps the last key's operation: alternating keys must never sign with the wrong one. */
    @Test
    void signingWithAlternatingKeysUsesEachKey() throws Exception {
        TestCredentials other = TestCredentials.rsa(1024);
        RsaSignature signature = new RsaSignature();
        byte[] hash = new byte[RsaSignature.MD5_SHA1_LENGTH];
        new Random(22).nextBytes(hash);
        for (int i = 0; i < 3; i++) {
            byte[] a = signature.sign(KEY, null, hash, new SecureRandom());
            byte[] b = signature.sign(other.keyPair().getPrivate(), null, hash, new SecureRandom());
            assertTrue(signature.verify(TestCredentials.publicOf(KEY), null, hash, a));
            assertTrue(signature.verify(other.keyPair().getPublic(), null, hash, b));
        }
    }
}
