package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.Digest;
import java.nio.charset.StandardCharsets;

/**
 * The TLS pseudo-random functions: TLS 1.0/1.1 PRF = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed) with the
 * secret split in two overlapping halves (RFC 2246 §5); TLS 1.2 PRF = P_hash(secret, label + seed) with the suite's
 * PRF hash (RFC 5246 §5).
 */
abstract class Prf {

    abstract byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException;

    static Prf tls10(Digests digests) {
        return new Prf() {
            @Override
            byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException {
                int half = (secret.length + 1) / 2;
                byte[] s1 = new byte[half];
                byte[] s2 = new byte[half];
                System.arraycopy(secret, 0, s1, 0, half);
                System.arraycopy(secret, secret.length - half, s2, 0, half);
                byte[] labelSeed = concat(label, seed);
                byte[] md5 = pHash(digests.get("MD5"), s1, labelSeed, length);
                byte[] sha = pHash(digests.get("SHA"), s2, labelSeed, length);
                for (int i = 0; i < length; i++) {
                    md5[i] ^= sha[i];
                }
                return md5;
            }
        };
    }

    static Prf tls12(Digests digests, String hash) {
        return new Prf() {
            @Override
            byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException {
                return pHash(digests.get(hash), secret, concat(label, seed), length);
            }
        };
    }

    /** P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(i) = HMAC(A(i-1)). */
    static byte[] pHash(Digest digest, byte[] secret, byte[] seed, int length) {
        Hmac hmac = new Hmac(digest, secret);
        byte[] out = new byte[length];
        byte[] a = seed;
        int filled = 0;
        while (filled < length) {
            a = hmac.mac(a);
            byte[] chunk = hmac.mac(a, seed);
            int n = Math.min(chunk.length, length - filled);
            System.arraycopy(chunk, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    static byte[] concat(String label, byte[] seed) {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[l.length + seed.length];
        System.arraycopy(l, 0, out, 0, l.length);
        System.arraycopy(seed, 0, out, l.length, seed.length);
        return out;
    }
}
