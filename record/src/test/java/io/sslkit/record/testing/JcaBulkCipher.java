package io.sslkit.record.testing;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Test-only BulkCipher over the JDK's JCE, standing in for the cipher modules being written alongside. */
public record JcaBulkCipher(String name, String transformation, String keyAlgorithm, Type type, int keyLength,
                            int blockSize) implements BulkCipher {

    public static final JcaBulkCipher RC4_128 = new JcaBulkCipher("RC4_128", "ARCFOUR", "ARCFOUR", Type.STREAM, 16, 1);
    public static final JcaBulkCipher DES_CBC = new JcaBulkCipher("DES_CBC", "DES/CBC/NoPadding", "DES", Type.BLOCK, 8, 8);
    public static final JcaBulkCipher DES_EDE_CBC =
            new JcaBulkCipher("3DES_EDE_CBC", "DESede/CBC/NoPadding", "DESede", Type.BLOCK, 24, 8);
    public static final JcaBulkCipher AES_128_CBC =
            new JcaBulkCipher("AES_128_CBC", "AES/CBC/NoPadding", "AES", Type.BLOCK, 16, 16);
    public static final JcaBulkCipher AES_256_CBC =
            new JcaBulkCipher("AES_256_CBC", "AES/CBC/NoPadding", "AES", Type.BLOCK, 32, 16);
    /** The NULL cipher of the *_WITH_NULL_* suites, as the registry hands it out: a copying stream cipher. */
    public static final JcaBulkCipher NULL = new JcaBulkCipher("NULL", null, null, Type.STREAM, 0, 1);

    public static final java.util.List<JcaBulkCipher> ALL =
            java.util.List.of(NULL, RC4_128, DES_CBC, DES_EDE_CBC, AES_128_CBC, AES_256_CBC);

    @Override
    public int keyMaterialLength() {
        return keyLength;
    }

    @Override
    public int ivLength() {
        return type == Type.BLOCK ? blockSize : 0;
    }

    @Override
    public boolean exportable() {
        return false;
    }

    @Override
    public int effectiveKeyBits() {
        return keyLength * 8;
    }

    @Override
    public CipherInstance newInstance(boolean encrypt, byte[] key, byte[] iv) {
        if (transformation == null) {
            return (in, inOff, len, out, outOff) -> System.arraycopy(in, inOff, out, outOff, len);
        }
        try {
            Cipher c = Cipher.getInstance(transformation);
            int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            SecretKeySpec k = new SecretKeySpec(key, keyAlgorithm);
            if (type == Type.BLOCK) {
                c.init(mode, k, new IvParameterSpec(iv));
            } else {
                c.init(mode, k);
            }
            return (in, inOff, len, out, outOff) -> {
                try {
                    c.update(in, inOff, len, out, outOff);
                } catch (ShortBufferException e) {
                    throw new IllegalArgumentException(e);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One-shot encryption with a fresh JCE cipher: the tests' independent reference. */
    public byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) throws GeneralSecurityException {
        if (transformation == null) {
            return plaintext.clone();
        }
        Cipher c = Cipher.getInstance(transformation);
        SecretKeySpec k = new SecretKeySpec(key, keyAlgorithm);
        if (type == Type.BLOCK) {
            c.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv));
        } else {
            c.init(Cipher.ENCRYPT_MODE, k);
        }
        return c.doFinal(plaintext);
    }

    @Override
    public String toString() {
        return name;
    }
}
