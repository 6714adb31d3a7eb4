package io.sslkit.record.testing;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.record.CipherState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A version, cipher and MAC digest with repeatable key material: what one direction of a connection needs.
 * Tests only.
 */
public record Suite(ProtocolVersion version, JcaBulkCipher cipher, JcaDigest digest, byte[] macSecret, byte[] key,
                    byte[] iv) {

    public static Suite of(ProtocolVersion version, JcaBulkCipher cipher, JcaDigest digest) {
        Random r = new Random(version.ordinal() * 1000L + cipher.name().hashCode() * 31L + digest.name().hashCode());
        byte[] macSecret = new byte[digest.length()];
        byte[] key = new byte[cipher.keyLength()];
        byte[] iv = new byte[cipher.ivLength()];
        r.nextBytes(macSecret);
        r.nextBytes(key);
        r.nextBytes(iv);
        return new Suite(version, cipher, digest, macSecret, key, iv);
    }

    /** Every version with every cipher and every digest it can have a MAC for. */
    public static List<Suite> all() {
        List<Suite> out = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (JcaBulkCipher c : JcaBulkCipher.ALL) {
                for (JcaDigest d : JcaDigest.ALL) {
                    if (!v.isSsl3() || d.ssl3PadLength() > 0) {
                        out.add(of(v, c, d));
                    }
                }
            }
        }
        return out;
    }

    public boolean isBlock() {
        return cipher.type() == BulkCipher.Type.BLOCK;
    }

    public boolean explicitIv() {
        return isBlock() && version.atLeast(ProtocolVersion.TLS_1_1);
    }

    public CipherState state(boolean forWriting) {
        return CipherState.create(version, cipher, digest, macSecret, key, iv, forWriting);
    }

    @Override
    public String toString() {
        return version + " " + cipher.name() + " " + digest.name();
    }
}
