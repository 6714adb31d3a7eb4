package io.sslkit.cipher.rsa.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The server's decryption of EncryptedPreMasterSecret with the countermeasure of RFC 5246 §7.4.7.1 against
 * Bleichenbacher's 1998 attack (and its timing variants): whatever the decrypted block looks like, the caller gets 48
 * bytes, no exception, no alert and no log line, and the time taken does not depend on which check failed.
 */
final class PreMasterSecretDecryptor {
    static final int PRE_MASTER_SECRET_LENGTH = 48;

    private PreMasterSecretDecryptor() {
    }

    /**
     * @param encrypted     the RSA ciphertext, already known to be k bytes long
     * @param clientVersion ClientHello.client_version, which the first two bytes of the secret must repeat
     */
    static byte[] decrypt(RsaPrivateOperation key, byte[] encrypted, int clientVersion, SecureRandom random) {
        // Step 1 of the RFC: the random substitute is drawn before anything depends on the ciphertext.
        byte[] substitute = new byte[PRE_MASTER_SECRET_LENGTH];
        random.nextBytes(substitute);

        int k = key.modulusLength();
        BigInteger c = new BigInteger(1, encrypted);
        byte[] em;
        int bad;
        if (c.compareTo(key.modulus()) >= 0) {
            // Not a valid ciphertext; the modulus is public, so taking this branch tells an attacker nothing.
            em = new byte[k];
            bad = 1;
        } else {
            em = key.apply(c, random);
            bad = 0;
        }

        // EM = 0x00 || 0x02 || PS (k-51 non-zero bytes) || 0x00 || client_version (2) || random (46)
        int separator = k - PRE_MASTER_SECRET_LENGTH - 1;
        bad |= em[0] & 0xff;
        bad |= (em[1] & 0xff) ^ 0x02;
        for (int i = 2; i < separator; i++) {
            bad |= ((em[i] & 0xff) - 1) >>> 31; // 1 exactly when the padding byte is zero
        }
        bad |= em[separator] & 0xff;
        bad |= (em[separator + 1] & 0xff) ^ ((clientVersion >>> 8) & 0xff);
        bad |= (em[separator + 2] & 0xff) ^ (clientVersion & 0xff);

        // good = 0xff...ff when nothing failed, 0 otherwise; computed without a branch.
        int good = ((bad | -bad) >> 31) ^ -1;
        byte[] preMasterSecret = new byte[PRE_MASTER_SECRET_LENGTH];
        for (int i = 0; i < PRE_MASTER_SECRET_LENGTH; i++) {
            preMasterSecret[i] = (byte) ((em[separator + 1 + i] & good) | (substitute[i] & ~good));
        }
        java.util.Arrays.fill(em, (byte) 0);
        return preMasterSecret;
    }
}
