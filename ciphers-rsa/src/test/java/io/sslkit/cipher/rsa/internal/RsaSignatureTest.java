package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PKCS #1 v1.5 signatures. RSASSA-PKCS1-v1_5 is deterministic, so the JDK's independent implementation
 * (SunRsaSign) gives the expected bytes for any key: the tests compare with it byte for byte.
 */
class RsaSignatureTest {
    private static final TestCredentials KEY = TestCredentials.rsa(1024);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "sslkit ServerKeyExchange parameters".getBytes(StandardCharsets.US_ASCII);
    private final RsaSignature rsa = new RsaSignature();

    private static byte[] md5Sha1(byte[] message) throws Exception {
        byte[] out = new byte[36];
        System.arraycopy(MessageDigest.getInstance("MD5").digest(message), 0, out, 0, 16);
        System.arraycopy(MessageDigest.getInstance("SHA-1").digest(message), 0, out, 16, 20);
        return out;
    }

    @Test
    void md5Sha1FormEqualsTheJdksNoneWithRsa() throws Exception {
        byte[] hash = md5Sha1(MESSAGE);
        Signature jdk = Signature.getInstance("NONEwithRSA");
        jdk.initSign(KEY.keyPair().getPrivate());
        jdk.update(hash);
        byte[] expected = jdk.sign();
        byte[] ours = rsa.sign(KEY.keyPair().getPrivate(), null, hash, RANDOM);
        assertArrayEquals(expected, ours);
        assertTrue(rsa.verify(KEY.keyPair().getPublic(), null, hash, ours));
    }

    @ParameterizedTest
    @CsvSource({"MD5, MD5, MD5withRSA", "SHA, SHA-1, SHA1withRSA", "SHA256, SHA-256, SHA256withRSA",
        "SHA384, SHA-384, SHA384withRSA", "SHA224, SHA-224, SHA224withRSA"})
    void digestInfoFormEqualsTheJdksSignature(String hashName, String digest, String jdkAlgorithm) throws Exception {
        byte[] hash = MessageDigest.getInstance(digest).digest(MESSAGE);
        Signature jdk = Signature.getInstance(jdkAlgorithm);
        jdk.initSign(KEY.keyPair().getPrivate());
        jdk.update(MESSAGE);
        byte[] expected = jdk.sign();
        assertArrayEquals(expected, rsa.sign(KEY.keyPair().getPrivate(), hashName, hash, RANDOM));
        assertTrue(rsa.verify(KEY.keyPair().getPublic(), hashName, hash, expected));
    }

    @Test
    void verifyIsFalseForEveryMalformedSignature() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        byte[] good = rsa.sign(KEY.keyPair().getPrivate(), "SHA256", hash, RANDOM);
        PublicKey pub = KEY.keyPair().getPublic();
        for (int i = 0; i < good.length; i += 13) {
            byte[] bad = good.clone();
            bad[i] ^= 1;
            assertFalse(rsa.verify(pub, "SHA256", hash, bad), "bit flipped at " + i);
        }
        assertFalse(rsa.verify(pub, "SHA256", hash, Arrays.copyOf(good, good.length - 1)));
        assertFalse(rsa.verify(pub, "SHA256", hash, Arrays.copyOf(good, good.length + 1)));
        assertFalse(rsa.verify(pub, "SHA256", hash, new byte[0]));
        assertFalse(rsa.verify(pub, "SHA256", hash, null));
        byte[] aboveModulus = new byte[good.length];
        Arrays.fill(aboveModulus, (byte) 0xff);
        assertFalse(rsa.verify(pub, "SHA256", hash, aboveModulus));
        byte[] otherHash = hash.clone();
        otherHash[0] ^= 1;
        assertFalse(rsa.verify(pub, "SHA256", otherHash, good));
        // The same bytes under another hash name are another DigestInfo, hence another signature.
        assertFalse(rsa.verify(pub, "SHA", Arrays.copyOf(hash, 20), good));
        assertFalse(rsa.verify(TestCredentials.rsa(1024).keyPair().getPublic(), "SHA256", hash, good));
    }

    @Test
    void verifyRefusesALenientlyParsableForgeryWithTrailingGarbage() throws Exception {
        // Bleichenbacher 2006: a block with the DigestInfo followed by junk must not pass.
        byte[] hash = MessageDigest.getInstance("SHA-1").digest(MESSAGE);
        RSAPublicKey pub = (RSAPublicKey) KEY.keyPair().getPublic();
        byte[] t = DigestInfoPrefix.SHA1.wrap(hash);
        byte[] em = new byte[128];
        em[1] = 1;
        Arrays.fill(em, 2, 10, (byte) 0xff);
        System.arraycopy(t, 0, em, 11, t.length);
        BigInteger d = ((RSAPrivateKey) KEY.keyPair().getPrivate()).getPrivateExponent();
        byte[] s = RsaPrivateOperation.toFixedLength(new BigInteger(1, em).modPow(d, pub.getModulus()), 128);
        assertFalse(rsa.verify(pub, "SHA", hash, s));
    }

    @Test
    void wrongHashLengthsAreRefused() {
        assertThrows(SignatureException.class, () -> rsa.sign(KEY.keyPair().getPrivate(), null, new byte[20], RANDOM));
        assertThrows(SignatureException.class,
                () -> rsa.sign(KEY.keyPair().getPrivate(), "SHA256", new byte[20], RANDOM));
        assertThrows(SignatureException.class,
                () -> rsa.sign(KEY.keyPair().getPrivate(), "WHIRLPOOL", new byte[64], RANDOM));
    }

    @Test
    void keyTooShortForTheDigestInfoIsRefused() {
        TestCredentials tiny = TestCredentials.rsa(512);
        // SHA-512's DigestInfo (83 bytes) plus 11 bytes of padding does not fit in 64 bytes.
        assertThrows(SignatureException.class,
                () -> rsa.sign(tiny.keyPair().getPrivate(), "SHA512", new byte[64], RANDOM));
    }

    @Test
    void privateKeyWithoutPublicExponentCannotBeBlindedAndIsRefused() throws Exception {
        RSAPrivateKey crt = (RSAPrivateKey) KEY.keyPair().getPrivate();
        PrivateKey plain = KeyFactory.getInstance("RSA").generatePrivate(
                new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        assertThrows(InvalidKeyException.class, () -> rsa.sign(plain, null, new byte[36], RANDOM));
    }

    @Test
    void identifiesItselfAsTlsRsa() {
        assertEquals("RSA", rsa.name());
        assertEquals("RSA", rsa.keyAlgorithm());
        assertEquals(1, rsa.tlsCode());
    }
}
