package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * A software stand-in for the Fortezza card's key handling under one token encryption key (TEK). RFC 6101 fixes
 * only the sizes (12-byte wrapped keys, 24-byte IVs) and leaves the formats to the card; the constructions here are
 * ours, documented with their sources in the module README:
 *
 * <ul>
 * <li><b>Key wrap</b>: the 80-bit key followed by a 16-bit check value (the first two bytes of SHA-1 of the key, the
 * checksum idea of the CMS key wrap, RFC 3217 §2, cut to the two bytes the 12-byte field leaves), enciphered with
 * SKIPJACK under the TEK as two overlapping blocks, bytes 0-7 and then 4-11, so that every byte of the result
 * depends on the whole key. Unwrapping reverses the two blocks and checks the value.</li>
 * <li><b>IVs</b>: the 24-byte IV of PKCS #11's CKM_SKIPJACK_CBC64 carried the card's 16-byte LEAF-style field ahead
 * of the 8-byte CBC IV. A software token has no such field: it sends 16 zero bytes and the 8-byte IV, and a receiver
 * refuses anything else in the 16 bytes, so the unused field cannot carry a covert channel.</li>
 * <li><b>Pre-master secret</b>: its 48 bytes enciphered with SKIPJACK-CBC under the TEK and the IV of
 * master_secret_iv, with no padding (48 is six blocks).</li>
 * </ul>
 */
final class FortezzaToken {
    static final int KEY_LENGTH = 10;
    static final int WRAPPED_KEY_LENGTH = 12;
    static final int IV_LENGTH = 24;
    static final int CBC_IV_LENGTH = 8;
    static final int PRE_MASTER_SECRET_LENGTH = 48;
    private static final int RESERVED_IV_LENGTH = IV_LENGTH - CBC_IV_LENGTH;
    private static final int CHECK_LENGTH = WRAPPED_KEY_LENGTH - KEY_LENGTH;
    private static final int BLOCK = 8;
    /** Where the second of the two overlapping wrap blocks starts. */
    private static final int SECOND_BLOCK = WRAPPED_KEY_LENGTH - BLOCK;

    private final byte[] tek;

    FortezzaToken(byte[] tek) {
        if (tek.length != Kea.TEK_LENGTH) {
            throw new IllegalArgumentException("a TEK is " + Kea.TEK_LENGTH + " bytes, got " + tek.length);
        }
        this.tek = tek.clone();
    }

    /** A fresh 80-bit SKIPJACK key, as the card's key generator would give. */
    static byte[] generateKey(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return key;
    }

    /** A fresh 24-byte Fortezza IV: the reserved 16 bytes zero, then a random 8-byte CBC IV. */
    static byte[] generateIv(SecureRandom random) {
        byte[] iv = new byte[IV_LENGTH];
        byte[] cbc = new byte[CBC_IV_LENGTH];
        random.nextBytes(cbc);
        System.arraycopy(cbc, 0, iv, RESERVED_IV_LENGTH, CBC_IV_LENGTH);
        return iv;
    }

    /** The 8-byte CBC IV of a received 24-byte Fortezza IV; the reserved part must be zero. */
    static byte[] cbcIv(String field, byte[] iv) throws SslAlertException {
        if (iv.length != IV_LENGTH) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    field + " must be " + IV_LENGTH + " bytes, got " + iv.length);
        }
        int reserved = 0;
        for (int i = 0; i < RESERVED_IV_LENGTH; i++) {
            reserved |= iv[i];
        }
        if (reserved != 0) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    field + ": the 16 reserved bytes must be zero");
        }
        return Arrays.copyOfRange(iv, RESERVED_IV_LENGTH, IV_LENGTH);
    }

    byte[] wrap(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a SKIPJACK key is " + KEY_LENGTH + " bytes, got " + key.length);
        }
        byte[] block = new byte[WRAPPED_KEY_LENGTH];
        System.arraycopy(key, 0, block, 0, KEY_LENGTH);
        System.arraycopy(check(key), 0, block, KEY_LENGTH, CHECK_LENGTH);
        SkipjackEngine engine = engine(true);
        engine.processBlock(block, 0, block, 0);
        engine.processBlock(block, SECOND_BLOCK, block, SECOND_BLOCK);
        return block;
    }

    /**
     * Recovers a key wrapped under this TEK. A check value that does not match means the peer holds a different TEK
     * (a tampered r_c or y_c, a wrong key pair) or the wrapped bytes were changed: the handshake cannot go on.
     */
    byte[] unwrap(String field, byte[] wrapped) throws SslAlertException {
        if (wrapped.length != WRAPPED_KEY_LENGTH) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    field + " must be " + WRAPPED_KEY_LENGTH + " bytes, got " + wrapped.length);
        }
        byte[] block = wrapped.clone();
        SkipjackEngine engine = engine(false);
        engine.processBlock(block, SECOND_BLOCK, block, SECOND_BLOCK);
        engine.processBlock(block, 0, block, 0);
        byte[] key = Arrays.copyOf(block, KEY_LENGTH);
        byte[] expected = check(key);
        boolean ok = MessageDigest.isEqual(expected, Arrays.copyOfRange(block, KEY_LENGTH, WRAPPED_KEY_LENGTH));
        Arrays.fill(block, (byte) 0);
        if (!ok) {
            Arrays.fill(key, (byte) 0);
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    field + " does not unwrap under the KEA token key");
        }
        return key;
    }

    byte[] encryptPreMasterSecret(byte[] preMasterSecret, byte[] cbcIv) {
        return cbc(true, preMasterSecret, cbcIv);
    }

    byte[] decryptPreMasterSecret(byte[] encrypted, byte[] cbcIv) {
        return cbc(false, encrypted, cbcIv);
    }

    /** Forgets the TEK once the exchange is done with it. */
    void destroy() {
        Arrays.fill(tek, (byte) 0);
    }

    private byte[] cbc(boolean encrypt, byte[] in, byte[] cbcIv) {
        if (in.length != PRE_MASTER_SECRET_LENGTH || cbcIv.length != CBC_IV_LENGTH) {
            throw new IllegalArgumentException("pre_master_secret is " + PRE_MASTER_SECRET_LENGTH
                    + " bytes and its IV " + CBC_IV_LENGTH);
        }
        CBCModeCipher cbc = CBCBlockCipher.newInstance(new SkipjackEngine());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(tek), cbcIv));
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += BLOCK) {
            cbc.processBlock(in, i, out, i);
        }
        return out;
    }

    private SkipjackEngine engine(boolean encrypt) {
        SkipjackEngine engine = new SkipjackEngine();
        engine.init(encrypt, new KeyParameter(tek));
        return engine;
    }

    private static byte[] check(byte[] key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(key), CHECK_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
