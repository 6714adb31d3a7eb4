package io.sslkit.handshake.internal;

import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;

/** HMAC (RFC 2104) over a digest module, as the TLS PRFs need it. */
final class Hmac {
    private final DigestInstance innerStart;
    private final DigestInstance outerStart;

    Hmac(Digest digest, byte[] key) {
        int block = digest.blockLength();
        byte[] k = key;
        if (k.length > block) {
            DigestInstance d = digest.newInstance();
            d.update(k);
            k = d.digest();
        }
        byte[] ipad = new byte[block];
        byte[] opad = new byte[block];
        for (int i = 0; i < block; i++) {
            byte kb = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (kb ^ 0x36);
            opad[i] = (byte) (kb ^ 0x5C);
        }
        innerStart = digest.newInstance();
        innerStart.update(ipad);
        outerStart = digest.newInstance();
        outerStart.update(opad);
    }

    byte[] mac(byte[]... parts) {
        DigestInstance i = innerStart.copy();
        for (byte[] p : parts) {
            i.update(p);
        }
        DigestInstance o = outerStart.copy();
        o.update(i.digest());
        return o.digest();
    }
}
