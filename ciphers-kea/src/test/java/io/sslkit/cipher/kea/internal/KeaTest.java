package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeaTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static KeaDomain domain;

    /**
     * A 1024/160 domain of the right shape: the JDK's precomputed 1024-bit DSA parameters (KEA and DSA share the
     * FIPS 186 domain form, and Fortezza cards used one domain for both).
     */
    @BeforeAll
    static void domain() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(1024);
        DSAParams params = ((DSAPublicKey) generator.generateKeyPair().getPublic()).getParams();
        domain = KeaDomain.of(params.getP(), params.getQ(), params.getG());
    }

    private static byte[] skipjack(String key, byte[] block) {
        SkipjackEngine engine = new SkipjackEngine();
        engine.init(true, new KeyParameter(HEX.parseHex(key)));
        byte[] out = new byte[8];
        engine.processBlock(block, 0, out, 0);
        return out;
    }

    @Test
    void skipjackAsKeyFormationUsesItMatchesTheSpecificationVector() {
        assertArrayEquals(HEX.parseHex("2587cae27a12d300"),
                skipjack("00998877665544332211", HEX.parseHex("33221100ddccbbaa")));
    }

    /** Annex III key-formation values, corrected (cryptography@c2.net, 1998-99; the first printing differs). */
    @Test
    void keyFormationVector1() {
        byte[] v = HEX.parseHex("95b8c6e776e0cae734f0" + "99ccfe2b90fd550b4471");
        assertArrayEquals(HEX.parseHex("24c90cb05d668b2724d6"), Kea.formKey(v));
        // The intermediate SKIPJACK block under v1 XOR pad = e7496e99e4628b7f9ffb.
        assertArrayEquals(HEX.parseHex("60a73d387b517fca"),
                skipjack("e7496e99e4628b7f9ffb", HEX.parseHex("99ccfe2b90fd550b")));
    }

    @Test
    void keyFormationVector2() {
        byte[] v = HEX.parseHex("973b5ca2558c1469769b" + "b71cb0d009af27659f7c");
        assertArrayEquals(HEX.parseHex("fee778a838a601cdfb88"), Kea.formKey(v));
        assertArrayEquals(HEX.parseHex("64f4877ae68a8a62"),
                skipjack("e5caf4dcc70e55f1dd90", HEX.parseHex("b71cb0d009af2765")));
    }

    @Test
    void keyFormationTakesExactlyTwentyBytes() {
        assertThrows(IllegalArgumentException.class, () -> Kea.formKey(new byte[19]));
        assertThrows(IllegalArgumentException.class, () -> Kea.formKey(new byte[21]));
    }

    @Test
    void bothPartiesDeriveTheSameTek() throws InvalidKeyException {
        KeaKeyPair staticA = KeaKeyPair.generate(domain, RANDOM);
        KeaKeyPair ephemeralA = KeaKeyPair.generate(domain, RANDOM);
        KeaKeyPair staticB = KeaKeyPair.generate(domain, RANDOM);
        KeaKeyPair ephemeralB = KeaKeyPair.generate(domain, RANDOM);
        byte[] tekA = Kea.agree(staticA, ephemeralA, staticB.publicValue(), ephemeralB.publicValue());
        byte[] tekB = Kea.agree(staticB, ephemeralB, staticA.publicValue(), ephemeralA.publicValue());
        assertEquals(Kea.TEK_LENGTH, tekA.length);
        assertArrayEquals(tekA, tekB);

        // The TEK is formed from w exactly as the specification says: recompute w from B's side by hand.
        BigInteger p = domain.p();
        BigInteger w = staticA.publicValue().modPow(ephemeralB.privateValue(), p)
                .add(ephemeralA.publicValue().modPow(staticB.privateValue(), p)).mod(p);
        byte[] wBytes = new byte[128];
        byte[] raw = w.toByteArray();
        int copy = Math.min(raw.length, 128);
        System.arraycopy(raw, raw.length - copy, wBytes, 128 - copy, copy);
        assertArrayEquals(Kea.formKey(Arrays.copyOf(wBytes, 20)), tekA);

        KeaKeyPair otherEphemeral = KeaKeyPair.generate(domain, RANDOM);
        assertFalse(Arrays.equals(tekA,
                Kea.agree(staticB, otherEphemeral, staticA.publicValue(), ephemeralA.publicValue())));
    }

    @Test
    void invalidPublicValuesAreRejected() {
        BigInteger p = domain.p();
        BigInteger outsideSubgroup = BigInteger.TWO;
        while (outsideSubgroup.modPow(domain.q(), p).equals(BigInteger.ONE)) {
            outsideSubgroup = outsideSubgroup.add(BigInteger.ONE);
        }
        BigInteger[] invalid = {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
            p.add(BigInteger.TWO), BigInteger.ONE.negate(), outsideSubgroup};
        KeaKeyPair own = KeaKeyPair.generate(domain, RANDOM);
        KeaKeyPair ownEphemeral = KeaKeyPair.generate(domain, RANDOM);
        BigInteger good = KeaKeyPair.generate(domain, RANDOM).publicValue();
        assertTrue(domain.isValidPublicValue(good));
        for (BigInteger y : invalid) {
            assertFalse(domain.isValidPublicValue(y), y.toString(16));
            assertThrows(InvalidKeyException.class, () -> Kea.agree(own, ownEphemeral, y, good), "static");
            assertThrows(InvalidKeyException.class, () -> Kea.agree(own, ownEphemeral, good, y), "ephemeral");
        }
    }

    @Test
    void domainMustHaveTheKeaShape() {
        BigInteger p = domain.p();
        BigInteger q = domain.q();
        BigInteger g = domain.g();
        assertThrows(InvalidAlgorithmParameterException.class, () -> KeaDomain.of(p, q, BigInteger.ONE));
        assertThrows(InvalidAlgorithmParameterException.class, () -> KeaDomain.of(p, q, p.subtract(BigInteger.ONE)));
        assertThrows(InvalidAlgorithmParameterException.class, () -> KeaDomain.of(p, q.add(BigInteger.TWO), g));
        assertThrows(InvalidAlgorithmParameterException.class, () -> KeaDomain.of(p.add(BigInteger.TWO), q, g));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> KeaDomain.of(BigInteger.valueOf(23), BigInteger.valueOf(11), BigInteger.TWO));
    }

    @Test
    void keyPairNeverPrintsItsPrivateValue() {
        KeaKeyPair pair = KeaKeyPair.of(domain, BigInteger.valueOf(0x1234567));
        assertFalse(pair.toString().contains("1234567"));
        assertThrows(IllegalArgumentException.class, () -> KeaKeyPair.of(domain, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> KeaKeyPair.of(domain, domain.q()));
    }
}
