package io.sslkit.fuzz;

import io.sslkit.api.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An eavesdropper who holds the server's RSA key, or for DHE the server's random draws: recovers the
 * pre_master_secret from a ClientKeyExchange and
 * derives the master secret and key_block as RFC 6101 §6.1-6.2, RFC 2246 / 5246 §5, §6.3, §8.1 and
 * RFC 7627 define them, written independently of the handshake module (with the JDK's MD5, SHA-1 and HMAC) so
 * that a test can forge records under the real keys and look for the real secrets in log files.
 */
final class KeyDerivation {
    private KeyDerivation() {
    }

    /** The pre_master_secret inside a ClientKeyExchange body (SSL 3.0: bare; TLS: with a two-byte length). */
    static byte[] preMasterSecret(ProtocolVersion version, byte[] clientKeyExchangeBody, PrivateKey serverKey)
            throws GeneralSecurityException {
        byte[] encrypted = version.isSsl3() ? clientKeyExchangeBody
                : Arrays.copyOfRange(clientKeyExchangeBody, 2, clientKeyExchangeBody.length);
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, serverKey);
        return rsa.doFinal(encrypted);
    }

    /**
     * The DHE pre_master_secret Z = dh_Yc^x mod p without leading zero bytes (RFC 5246 §8.1.2), x being the server's
     * private value: the draw d of exactly the length a p-sized random integer takes (BigInteger's way: ceil(bits/8)
     * bytes, excess high bits cleared) whose g^d mod p is the dh_Ys the server sent. Checked against the wire, so a
     * wrong guess cannot pass unnoticed.
     */
    static byte[] dhePreMasterSecret(byte[] serverKeyExchangeBody, byte[] clientKeyExchangeBody, List<byte[]> draws) {
        int[] at = {0};
        BigInteger p = new BigInteger(1, vector16(serverKeyExchangeBody, at));
        BigInteger g = new BigInteger(1, vector16(serverKeyExchangeBody, at));
        BigInteger ys = new BigInteger(1, vector16(serverKeyExchangeBody, at));
        BigInteger yc = new BigInteger(1, vector16(clientKeyExchangeBody, new int[] {0}));
        int bits = p.bitLength();
        for (byte[] d : draws) {
            if (d.length != (bits + 7) / 8) {
                continue;
            }
            BigInteger x = new BigInteger(1, d).mod(BigInteger.ONE.shiftLeft(bits));
            if (g.modPow(x, p).equals(ys)) {
                byte[] z = yc.modPow(x, p).toByteArray();
                return z[0] == 0 && z.length > 1 ? Arrays.copyOfRange(z, 1, z.length) : z;
            }
        }
        throw new IllegalStateException("the server's DH private value is none of its " + draws.size() + " draws");
    }

    /** The opaque&lt;1..2^16-1&gt; at {@code at[0]}; advances it. */
    private static byte[] vector16(byte[] body, int[] at) {
        int length = ((body[at[0]] & 0xff) << 8) | (body[at[0] + 1] & 0xff);
        byte[] v = Arrays.copyOfRange(body, at[0] + 2, at[0] + 2 + length);
        at[0] += 2 + length;
        return v;
    }

    static byte[] masterSecret(ProtocolVersion version, byte[] preMaster, byte[] clientRandom, byte[] serverRandom)
            throws GeneralSecurityException {
        if (version.isSsl3()) {
            return ssl3Hash(preMaster, concat(clientRandom, serverRandom), 48);
        }
        return prf(version, preMaster, "master secret", concat(clientRandom, serverRandom), 48);
    }

    /**
     * RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash), session_hash being the hash of
     * the handshake messages up to and including ClientKeyExchange (TLS 1.2: the PRF's SHA-256; TLS 1.0/1.1:
     * MD5 || SHA-1).
     */
    static byte[] extendedMasterSecret(ProtocolVersion version, byte[] preMaster, byte[] handshakeMessages)
            throws GeneralSecurityException {
        byte[] sessionHash = version == ProtocolVersion.TLS_1_2
                ? MessageDigest.getInstance("SHA-256").digest(handshakeMessages)
                : concat(MessageDigest.getInstance("MD5").digest(handshakeMessages),
                        MessageDigest.getInstance("SHA-1").digest(handshakeMessages));
        return prf(version, preMaster, "extended master secret", sessionHash, 48);
    }

    static byte[] keyBlock(ProtocolVersion version, byte[] master, byte[] clientRandom, byte[] serverRandom,
                           int length) throws GeneralSecurityException {
        if (version.isSsl3()) {
            return ssl3Hash(master, concat(serverRandom, clientRandom), length);
        }
        return prf(version, master, "key expansion", concat(serverRandom, clientRandom), length);
    }

    /** RFC 6101 §6.1: MD5(secret + SHA('A' + secret + seed)) + MD5(secret + SHA('BB' + secret + seed)) + ... */
    private static byte[] ssl3Hash(byte[] secret, byte[] seed, int length) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; out.size() < length; i++) {
            byte[] letters = new byte[i];
            Arrays.fill(letters, (byte) ('A' + i - 1));
            sha.update(letters);
            sha.update(secret);
            sha.update(seed);
            md5.update(secret);
            md5.update(sha.digest());
            out.writeBytes(md5.digest());
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    /** TLS 1.2: P_SHA256; TLS 1.0/1.1: P_MD5(S1) XOR P_SHA-1(S2) over the two (overlapping) halves of the secret. */
    static byte[] prf(ProtocolVersion version, byte[] secret, String label, byte[] seed, int length)
            throws GeneralSecurityException {
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        if (version == ProtocolVersion.TLS_1_2) {
            return pHash("HmacSHA256", secret, labelSeed, length);
        }
        int half = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] md5 = pHash("HmacMD5", s1, labelSeed, length);
        byte[] sha = pHash("HmacSHA1", s2, labelSeed, length);
        for (int i = 0; i < length; i++) {
            md5[i] ^= sha[i];
        }
        return md5;
    }

    /** P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(i) = HMAC(A(i-1)). */
    private static byte[] pHash(String algorithm, byte[] secret, byte[] seed, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret, algorithm));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = seed;
        while (out.size() < length) {
            a = mac.doFinal(a);
            mac.update(a);
            mac.update(seed);
            out.writeBytes(mac.doFinal());
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
