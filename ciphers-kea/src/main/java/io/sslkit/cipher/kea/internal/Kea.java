package io.sslkit.cipher.kea.internal;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The KEA agreement and key formation of the NIST "SKIPJACK and KEA Algorithm Specifications" v2.0 (29 May 1998),
 * §II.C. Party A, holding static (x_A, Y_A) and ephemeral (r_A, R_A), with B's Y_B and R_B:
 *
 * <pre>
 *   t_AB = Y_B^r_A mod p      u_AB = R_B^x_A mod p      w = (t_AB + u_AB) mod p
 * </pre>
 *
 * B computes the same w from the other two products. The 80-bit token encryption key (TEK) is then formed from the
 * top 160 bits of w with SKIPJACK, keyed by their first half masked with a fixed pad.
 */
public final class Kea {
    /** The bytes of w, as the 1024-bit number the specification handles. */
    static final int W_LENGTH = KeaDomain.P_BITS / 8;

    /** v1 and v2 are 80 bits each. */
    static final int V_HALF = 10;

    /** The 80-bit TEK. */
    public static final int TEK_LENGTH = 10;

    /** The specification's fixed pad that v1 is XORed with to key SKIPJACK. */
    private static final byte[] PAD = {
        (byte) 0x72, (byte) 0xf1, (byte) 0xa8, (byte) 0x7e, (byte) 0x92,
        (byte) 0x82, (byte) 0x41, (byte) 0x98, (byte) 0xab, (byte) 0x0b
    };

    private static final int SKIPJACK_BLOCK = 8;

    private Kea() {
    }

    /**
     * Agrees on the TEK with the peer whose static public value is {@code peerStatic} (from its certificate) and whose
     * ephemeral public value is {@code peerEphemeral}. Both are checked as the specification demands before use.
     *
     * @throws InvalidKeyException when a peer value fails the validity test, or w comes out as zero
     */
    public static byte[] agree(KeaKeyPair ownStatic, KeaKeyPair ownEphemeral, BigInteger peerStatic,
            BigInteger peerEphemeral) throws InvalidKeyException {
        KeaDomain domain = ownStatic.domain();
        if (ownEphemeral.domain() != domain) {
            throw new InvalidKeyException("static and ephemeral KEA keys of different domains");
        }
        if (!domain.isValidPublicValue(peerStatic)) {
            throw new InvalidKeyException("peer's static KEA public value fails 1 < Y < p, Y^q = 1 mod p");
        }
        if (!domain.isValidPublicValue(peerEphemeral)) {
            throw new InvalidKeyException("peer's ephemeral KEA public value fails 1 < R < p, R^q = 1 mod p");
        }
        BigInteger p = domain.p();
        BigInteger t = peerStatic.modPow(ownEphemeral.privateValue(), p);
        BigInteger u = peerEphemeral.modPow(ownStatic.privateValue(), p);
        BigInteger w = t.add(u).mod(p);
        if (w.signum() == 0) {
            // Only possible if t = p - u, i.e. a crafted peer; a zero w would give a key anyone can compute.
            throw new InvalidKeyException("KEA shared value w is zero");
        }
        byte[] wBytes = toFixedLength(w, W_LENGTH);
        byte[] v = Arrays.copyOf(wBytes, 2 * V_HALF);
        Arrays.fill(wBytes, (byte) 0);
        byte[] tek = formKey(v);
        Arrays.fill(v, (byte) 0);
        return tek;
    }

    /**
     * Key formation: v = v1 || v2, the 160 most significant bits of w. With K = v1 XOR pad as the SKIPJACK key,
     * E1 = SKIPJACK_K(v2[0..7]); the TEK is SKIPJACK_K(E1) followed by v2[8..9] XOR E1[0..1].
     */
    public static byte[] formKey(byte[] v) {
        if (v.length != 2 * V_HALF) {
            throw new IllegalArgumentException("KEA key formation takes 20 bytes, got " + v.length);
        }
        byte[] key = new byte[V_HALF];
        for (int i = 0; i < V_HALF; i++) {
            key[i] = (byte) (v[i] ^ PAD[i]);
        }
        SkipjackEngine skipjack = new SkipjackEngine();
        skipjack.init(true, new KeyParameter(key));
        byte[] tek = new byte[TEK_LENGTH];
        byte[] first = new byte[SKIPJACK_BLOCK];
        skipjack.processBlock(v, V_HALF, first, 0);
        skipjack.processBlock(first, 0, tek, 0);
        tek[8] = (byte) (v[V_HALF + 8] ^ first[0]);
        tek[9] = (byte) (v[V_HALF + 9] ^ first[1]);
        Arrays.fill(key, (byte) 0);
        Arrays.fill(first, (byte) 0);
        return tek;
    }

    private static byte[] toFixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        Arrays.fill(raw, (byte) 0);
        return out;
    }
}
