package io.sslkit.cipher.dsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.DSAPrivateKeySpec;
import java.security.spec.DSAPublicKeySpec;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

class DsaSignatureTest {
    private static final HexFormat HEX = HexFormat.of();

    // FIPS 186-2 (2000), Appendix 5 "Example of the DSA": the 512-bit domain, x, k, and the signature of "abc".
    private static final BigInteger P = new BigInteger("8df2a494492276aa3d25759bb06869cbeac0d83afb8d0cf7"
            + "cbb8324f0d7882e5d0762fc5b7210eafc2e9adac32ab7aac49693dfbf83724c2ec0736ee31c80291", 16);
    private static final BigInteger Q = new BigInteger("c773218c737ec8ee993b4f2ded30f48edace915f", 16);
    private static final BigInteger G = new BigInteger("626d027839ea0a13413163a55b4cb500299d5522956cefcb"
            + "3bff10f399ce2c2e71cb9de5fa24babf58e5b79521925c9cc42e9f6f464b088cc572af53e6d78802", 16);
    private static final BigInteger X = new BigInteger("2070b3223dba372fde1c0ffc7b2e3b498b260614", 16);
    private static final BigInteger Y = new BigInteger("19131871d75b1612a819f29d78d1b0d7346f7aa77bb62a85"
            + "9bfd6c5675da9d212d3a36ef1672ef660b8c7c255cc0ec74858fba33f44c06699630a76b030ee333", 16);
    private static final byte[] K = HEX.parseHex("358dad571462710f50e254cf1a376b2bdeaadfbf");
    private static final BigInteger R = new BigInteger("8bac1ab66410435cb7181f95b16ab97c92b341c0", 16);
    private static final BigInteger S = new BigInteger("41e2345f1f56df2458f426d155b4ba2db6dcd8c8", 16);

    private final DsaSignature dsa = new DsaSignature();

    /** A "random" source that yields the example's k first (Bouncy Castle draws k as the first 20 bytes). */
    private static final class FixedK extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private boolean used;

        @Override
        public void nextBytes(byte[] bytes) {
            if (!used && bytes.length == K.length) {
                System.arraycopy(K, 0, bytes, 0, K.length);
                used = true;
            } else {
                // Later draws only feed Bouncy Castle's blinding of k by a multiple of q, which leaves r and s as is.
                new SecureRandom().nextBytes(bytes);
            }
        }
    }

    private static byte[] sha1(String message) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(message.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] der(BigInteger r, BigInteger s) throws Exception {
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded("DER");
    }

    private static PrivateKey privateKey() throws Exception {
        return KeyFactory.getInstance("DSA").generatePrivate(new DSAPrivateKeySpec(X, P, Q, G));
    }

    private static PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("DSA").generatePublic(new DSAPublicKeySpec(Y, P, Q, G));
    }

    @Test
    void fips186Appendix5Example() throws Exception {
        assertEquals(Y, G.modPow(X, P), "the example's key pair");
        byte[] hash = sha1("abc");
        assertArrayEquals(HEX.parseHex("a9993e364706816aba3e25717850c26c9cd0d89d"), hash);
        byte[] signature = dsa.sign(privateKey(), null, hash, new FixedK());
        assertArrayEquals(der(R, S), signature);
        assertTrue(dsa.verify(publicKey(), null, hash, signature));
        assertFalse(dsa.verify(publicKey(), null, sha1("abd"), signature));
    }

    @Test
    void interoperatesWithTheJdk() throws Exception {
        TestCredentials key = TestCredentials.dsa(2048);
        byte[] message = "ServerDHParams".getBytes(StandardCharsets.US_ASCII);
        byte[] ours = dsa.sign(key.keyPair().getPrivate(), "SHA256",
                MessageDigest.getInstance("SHA-256").digest(message), new SecureRandom());
        Signature jdk = Signature.getInstance("SHA256withDSA");
        jdk.initVerify(key.keyPair().getPublic());
        jdk.update(message);
        assertTrue(jdk.verify(ours));

        jdk.initSign(key.keyPair().getPrivate());
        jdk.update(message);
        byte[] theirs = jdk.sign();
        assertTrue(dsa.verify(key.keyPair().getPublic(), "SHA256",
                MessageDigest.getInstance("SHA-256").digest(message), theirs));
    }

    @Test
    void verifyIsFalseForMalformedSignatures() throws Exception {
        PublicKey pub = publicKey();
        byte[] hash = sha1("abc");
        byte[] good = der(R, S);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        byte[] longForm = new byte[good.length + 1];
        // The same SEQUENCE with its length in the long form: valid BER, not DER.
        longForm[0] = 0x30;
        longForm[1] = (byte) 0x81;
        System.arraycopy(good, 1, longForm, 2, good.length - 1);
        byte[][] bad = {
            null, new byte[0], {0x30, 0x00}, trailing, longForm, HEX.parseHex("0102030405"),
            der(BigInteger.ZERO, S), der(R, BigInteger.ZERO), der(R.add(Q), S), der(R, S.add(Q)),
            der(R.negate(), S), new DERSequence(new ASN1Integer(R)).getEncoded("DER"),
        };
        for (byte[] signature : bad) {
            assertFalse(dsa.verify(pub, null, hash, signature), signature == null ? "null" : HEX.formatHex(signature));
        }
        byte[] flipped = good.clone();
        flipped[10] ^= 1;
        assertFalse(dsa.verify(pub, null, hash, flipped));
    }

    @Test
    void hashLengthMustMatchTheHashName() throws Exception {
        PrivateKey key = privateKey();
        SecureRandom random = new SecureRandom();
        assertThrows(SignatureException.class, () -> dsa.sign(key, null, new byte[32], random));
        assertThrows(SignatureException.class, () -> dsa.sign(key, "SHA256", new byte[20], random));
        assertThrows(SignatureException.class, () -> dsa.sign(key, "MD5", new byte[16], random));
    }

    @Test
    void identifiesItselfAsTlsDsa() {
        assertEquals("DSA", dsa.name());
        assertEquals("DSA", dsa.keyAlgorithm());
        assertEquals(2, dsa.tlsCode());
    }
}
