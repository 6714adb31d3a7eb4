package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The TLS pseudo-random functions: TLS 1.0/1.1 PRF = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed) with the
 * secret split in two overlapping halves (RFC 2246 §5); TLS 1.2 PRF = P_hash(secret, label + seed) with the suite's
 * PRF hash (RFC 5246 §5). One handshake calls its PRF three to five times, so the HMACs are made on first use and
 * then keyed again for each call. Not thread-safe.
 */
abstract class Prf {

    abstract byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException;

    static Prf tls10(Digests digests) {
        return new Prf() {
            private Hmac md5;
            private Hmac sha;

            @Override
            byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException {
                if (md5 == null) {
                    md5 = new Hmac(digests.get("MD5"));
                    sha = new Hmac(digests.get("SHA"));
                }
                int half = (secret.length + 1) / 2;
                byte[] s1 = Arrays.copyOfRange(secret, 0, half);
                byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
                byte[] labelSeed = concat(label, seed);
                byte[] out = pHash(md5, s1, labelSeed, length);
                byte[] shaOut = pHash(sha, s2, labelSeed, length);
                for (int i = 0; i < length; i++) {
                    out[i] ^= shaOut[i];
                }
                Arrays.fill(s1, (byte) 0);
                Arrays.fill(s2, (byte) 0);
                Arrays.fill(shaOut, (byte) 0);
                return out;
            }
        };
    }

    static Prf tls12(Digests digests, String hash) {
        return new Prf() {
            private Hmac hmac;

            @Override
            byte[] compute(byte[] secret, String label, byte[] seed, int length) throws SslAlertException {
                if (hmac == null) {
                    hmac = new Hmac(digests.get(hash));
                }
                return pHash(hmac, secret, concat(label, seed), length);
            }
        };
    }

    /** P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(i) = HMAC(A(i-1)). */
    static byte[] pHash(Hmac hmac, byte[] secret, byte[] seed, int length) {
        hmac.init(secret);
        int h = hmac.length();
        byte[] out = new byte[length];
        byte[] a = new byte[h];
        byte[] last = null;
        hmac.mac(seed, null, a, 0);
        int filled = 0;
        while (true) {
            int n = Math.min(h, length - filled);
            if (n == h) {
                hmac.mac(a, seed, out, filled);
            } else {
                // the output ends inside this block: only a prefix of it is wanted
                last = new byte[h];
                hmac.mac(a, seed, last, 0);
                System.arraycopy(last, 0, out, filled, n);
            }
            filled += n;
            if (filled == length) {
                break;
            }
            hmac.mac(a, null, a, 0);
        }
        hmac.clear();
        Arrays.fill(a, (byte) 0);
        if (last != null) {
            Arrays.fill(last, (byte) 0);
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
