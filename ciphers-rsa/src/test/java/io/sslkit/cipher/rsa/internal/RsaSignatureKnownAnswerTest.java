package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NIST CAVP RSA test vectors, SigGen15_186-2.rsp (RSASSA-PKCS1-v1_5), mod = 1024, SHAAlg = SHA1. */
class RsaSignatureKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger N = new BigInteger(
            "c8a2069182394a2ab7c3f4190c15589c56a2d4bc42dca675b34cc950e2466304"
            + "8441e8aa593b2bc59e198b8c257e882120c62336e5cc745012c7ffb063eebe53"
            + "f3c6504cba6cfe51baa3b6d1074b2f398171f4b1982f4d65caf882ea4d56f32a"
            + "b57d0c44e6ad4e9cf57a4339eb6962406e350c1b15397183fbf1f0353c9fc991", 16);
    private static final BigInteger E = BigInteger.valueOf(0x10001);
    private static final BigInteger D = new BigInteger(
            "5dfcb111072d29565ba1db3ec48f57645d9d8804ed598a4d470268a89067a2c9"
            + "21dff24ba2e37a3ce834555000dc868ee6588b7493303528b1b3a94f0b71730c"
            + "f1e86fca5aeedc3afa16f65c0189d810ddcd81049ebbd0391868c50edec958b3"
            + "a2aaeff6a575897e2f20a3ab5455c1bfa55010ac51a7799b1ff8483644a3d425", 16);

    private static final String[][] VECTORS = {
        {"e8312742ae23c456ef28a23142c4490895832765dadce02afe5be5d31b0048fb"
            + "eee2cf218b1747ad4fd81a2e17e124e6af17c3888e6d2d40c00807f423a233ca"
            + "d62ce9eaefb709856c94af166dba08e7a06965d7fc0d8e5cb26559c460e47bc0"
            + "88589d2242c9b3e62da4896fab199e144ec136db8d84ab84bcba04ca3b90c8e5",
         "28928e19eb86f9c00070a59edf6bf8433a45df495cd1c73613c2129840f48c4a"
            + "2c24f11df79bc5c0782bcedde97dbbb2acc6e512d19f085027cd575038453d04"
            + "905413e947e6e1dddbeb3535cdb3d8971fe0200506941056f21243503c83eadd"
            + "e053ed866c0e0250beddd927a08212aa8ac0efd61631ef89d8d049efb36bb35f"},
        {"4c95073dac19d0256eaadff3505910e431dd50018136afeaf690b7d18069fcc9"
            + "80f6f54135c30acb769bee23a7a72f6ce6d90cbc858c86dbbd64ba48a07c6d7d"
            + "50c0e9746f97086ad6c68ee38a91bbeeeb2221aa2f2fb4090fd820d4c0ce5ff0"
            + "25ba8adf43ddef89f5f3653de15edcf3aa8038d4686960fc55b2917ec8a8f9a8",
         "53ab600a41c71393a271b0f32f521963087e56ebd7ad040e4ee8aa7c450ad18a"
            + "c3c6a05d4ae8913e763cfe9623bd9cb1eb4bed1a38200500fa7df3d95dea485f"
            + "032a0ab0c6589678f9e8391b5c2b1392997ac9f82f1d168878916aace9ac7455"
            + "808056af8155231a29f42904b7ab87a5d71ed6395ee0a9d024b0ca3d01fd7150"},
    };

    /**
     * The vectors give n, e and d only; the CRT form the blinded signer needs is recovered by factoring n with the
     * usual randomized method from e and d (Boneh, "Twenty Years of Attacks on the RSA Cryptosystem", 1999, Fact 1).
     */
    private static PrivateKey crtKey() throws Exception {
        BigInteger k = D.multiply(E).subtract(BigInteger.ONE);
        int twos = k.getLowestSetBit();
        BigInteger t = k.shiftRight(twos);
        SecureRandom random = new SecureRandom();
        BigInteger nMinusOne = N.subtract(BigInteger.ONE);
        while (true) {
            BigInteger g = new BigInteger(N.bitLength() - 1, random).add(BigInteger.TWO);
            BigInteger x = g.modPow(t, N);
            for (int i = 0; i < twos; i++) {
                BigInteger y = x.modPow(BigInteger.TWO, N);
                if (y.equals(BigInteger.ONE) && !x.equals(BigInteger.ONE) && !x.equals(nMinusOne)) {
                    BigInteger p = x.subtract(BigInteger.ONE).gcd(N);
                    BigInteger q = N.divide(p);
                    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(N, E, D, p, q,
                            D.mod(p.subtract(BigInteger.ONE)), D.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)));
                }
                x = y;
            }
        }
    }

    @Test
    void signsAndVerifiesTheCavpVectors() throws Exception {
        PrivateKey privateKey = crtKey();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(N, E));
        RsaSignature rsa = new RsaSignature();
        for (String[] vector : VECTORS) {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(HEX.parseHex(vector[0]));
            byte[] expected = HEX.parseHex(vector[1]);
            assertArrayEquals(expected, rsa.sign(privateKey, "SHA", hash, new SecureRandom()));
            assertTrue(rsa.verify(publicKey, "SHA", hash, expected));
            hash[0] ^= 1;
            assertFalse(rsa.verify(publicKey, "SHA", hash, expected));
        }
    }
}
