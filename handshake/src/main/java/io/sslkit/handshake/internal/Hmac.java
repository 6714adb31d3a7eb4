package io.sslkit.handshake.internal;

import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.util.Arrays;

/**
 * HMAC (RFC 2104) over a digest module, as the TLS PRFs need it: H(K XOR opad, H(K XOR ipad, text)). One instance
 * is keyed again for each P_hash and reuses its two running digests: cloning a keyed digest state per MAC measured
 * a tenth of a resumed handshake, hashing the 64-byte pad block again costs less. Not thread-safe.
 */
final class Hmac {
    private final DigestInstance inner;
    private final DigestInstance outer;
    private final byte[] ipad;
    private final byte[] opad;
    private final byte[] innerHash;

    Hmac(Digest digest) {
        this.inner = digest.newInstance();
        this.outer = digest.newInstance();
        this.ipad = new byte[digest.blockLength()];
        this.opad = new byte[digest.blockLength()];
        this.innerHash = new byte[digest.length()];
    }

    /** The MAC's length: the digest's output length. */
    int length() {
        return innerHash.length;
    }

    /** Sets the key for the following MACs; a key longer than the block is hashed first (RFC 2104 §2). */
    void init(byte[] key) {
        byte[] k = key;
        if (k.length > ipad.length) {
            inner.reset();
            inner.update(k);
            k = inner.digest();
        }
        for (int i = 0; i < ipad.length; i++) {
            byte kb = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (kb ^ 0x36);
            opad[i] = (byte) (kb ^ 0x5C);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /**
     * Writes HMAC(key, first + second) to {@code out} at {@code offset}; {@code second} may be null. {@code out} may
     * be {@code first} itself: the text is consumed before the MAC is written.
     */
    void mac(byte[] first, byte[] second, byte[] out, int offset) {
        inner.reset();
        inner.update(ipad);
        inner.update(first);
        if (second != null) {
            inner.update(second);
        }
        inner.digest(innerHash, 0);
        outer.reset();
        outer.update(opad);
        outer.update(innerHash);
        outer.digest(out, offset);
    }

    /** Forgets the key: the pads and the last inner hash are derived from a secret. */
    void clear() {
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
        Arrays.fill(innerHash, (byte) 0);
    }
}
