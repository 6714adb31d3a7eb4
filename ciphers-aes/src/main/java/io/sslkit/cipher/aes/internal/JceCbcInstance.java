package io.sslkit.cipher.aes.internal;

import io.sslkit.api.spi.CipherInstance;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC through a JCE Cipher that is updated and never finished, so that it keeps the chaining value from one
 * record to the next.
 */
final class JceCbcInstance implements CipherInstance {
    /**
     * The JCE copies its whole input into a fresh array when input and output overlap (CBC decryption would otherwise
     * read ciphertext it has already overwritten). Staging in-place input through a reused buffer instead keeps the
     * record path allocation-free. The buffer belongs to the thread, not to the instance: it is needed only during
     * process, so an idle connection's four instances hold none of it.
     */
    private static final int STAGING_LENGTH = 1024;
    private static final ThreadLocal<byte[]> STAGING = ThreadLocal.withInitial(() -> new byte[STAGING_LENGTH]);

    private static final String TRANSFORMATION = "AES/CBC/NoPadding";

    private final Cipher cipher;

    JceCbcInstance(boolean encrypt, byte[] key, byte[] iv) {
        try {
            cipher = Cipher.getInstance(TRANSFORMATION, ProviderHolder.provider());
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available from the JDK", e);
        }
    }

    @Override
    public void process(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length % AesCbcCipher.BLOCK_SIZE != 0) {
            throw new IllegalArgumentException(
                    "CBC input must be a multiple of " + AesCbcCipher.BLOCK_SIZE + " bytes, got " + length);
        }
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        if (length == 0) {
            return;
        }
        // Staging forward is safe only when each output chunk lands on input already staged (outOffset <= inOffset);
        // a forward overlap is left to the JCE's own copy.
        boolean overlaps = in == out && outOffset < inOffset + length && inOffset < outOffset + length;
        if (!overlaps || outOffset > inOffset) {
            update(in, inOffset, length, out, outOffset);
            return;
        }
        byte[] staging = STAGING.get();
        for (int done = 0; done < length; done += STAGING_LENGTH) {
            int n = Math.min(STAGING_LENGTH, length - done);
            System.arraycopy(in, inOffset + done, staging, 0, n);
            update(staging, 0, n, out, outOffset + done);
        }
    }

    private void update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            int written = cipher.update(in, inOffset, length, out, outOffset);
            if (written != length) {
                // NoPadding CBC on whole blocks holds nothing back; anything else would desynchronise the record
                throw new IllegalStateException("AES-CBC wrote " + written + " bytes for " + length);
            }
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too short", e);
        }
    }

    /**
     * The provider found by the first lookup, asked directly from then on: Cipher.getInstance(transformation) searches
     * every installed provider on each call, which measured 13 % of a resumed handshake (four keys each). The choice
     * is made once per class loader, so a provider installed later with a higher priority is not picked up.
     */
    private static final class ProviderHolder {
        private static final Provider PROVIDER;
        private static final GeneralSecurityException FAILURE;

        static {
            Provider p = null;
            GeneralSecurityException f = null;
            try {
                p = Cipher.getInstance(TRANSFORMATION).getProvider();
            } catch (GeneralSecurityException e) {
                f = e;
            }
            PROVIDER = p;
            FAILURE = f;
        }

        static Provider provider() throws GeneralSecurityException {
            if (PROVIDER == null) {
                throw FAILURE;
            }
            return PROVIDER;
        }
    }
}
