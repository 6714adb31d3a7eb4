package io.sslkit.benchmarks;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * The raw primitives behind a suite's records and behind the RSA key exchange, from the JDK's JCE and from Bouncy
 * Castle's lightweight API, each as one {@link Op} over the same 16 KiB a record carries. A record costs its sender
 * one encryption and one MAC and its receiver one decryption and one MAC, so the cipher op is encrypt + decrypt and
 * the MAC op is two MACs: together they are the limit of one {@link Workloads#bulk} transfer.
 */
final class Primitives {
    public enum Provider { JCE, BC }

    private Primitives() {
    }

    /** Encrypts and decrypts 16 KiB, checking the round trip. */
    public static Op cipher(Scenario s, Provider p) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[s.keyLength()];
        byte[] iv = new byte[s.isBlockCipher() ? (s.keyAlgorithm().equals("AES") ? 16 : 8) : 0];
        random.nextBytes(key);
        random.nextBytes(iv);
        byte[] data = new Wire().payload;
        byte[] sealed = new byte[data.length];
        byte[] opened = new byte[data.length];
        Op roundTrip;
        if (p == Provider.JCE) {
            Cipher enc = Cipher.getInstance(s.transformation());
            Cipher dec = Cipher.getInstance(s.transformation());
            SecretKeySpec k = new SecretKeySpec(key, s.keyAlgorithm());
            if (s.isBlockCipher()) {
                // records chain CBC from one to the next, so the ciphers stay initialised across operations
                enc.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv));
                dec.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(iv));
            } else {
                enc.init(Cipher.ENCRYPT_MODE, k);
                dec.init(Cipher.DECRYPT_MODE, k);
            }
            roundTrip = () -> {
                enc.update(data, 0, data.length, sealed, 0);
                dec.update(sealed, 0, sealed.length, opened, 0);
            };
        } else if (s.isBlockCipher()) {
            BlockCipher enc = CBCBlockCipher.newInstance(bcBlock(s));
            BlockCipher dec = CBCBlockCipher.newInstance(bcBlock(s));
            enc.init(true, new ParametersWithIV(new KeyParameter(key), iv));
            dec.init(false, new ParametersWithIV(new KeyParameter(key), iv));
            int b = enc.getBlockSize();
            roundTrip = () -> {
                for (int i = 0; i < data.length; i += b) {
                    enc.processBlock(data, i, sealed, i);
                }
                for (int i = 0; i < data.length; i += b) {
                    dec.processBlock(sealed, i, opened, i);
                }
            };
        } else {
            StreamCipher enc = new RC4Engine();
            StreamCipher dec = new RC4Engine();
            enc.init(true, new KeyParameter(key));
            dec.init(false, new KeyParameter(key));
            roundTrip = () -> {
                enc.processBytes(data, 0, data.length, sealed, 0);
                dec.processBytes(sealed, 0, sealed.length, opened, 0);
            };
        }
        roundTrip.run();
        if (!Arrays.equals(data, opened)) {
            throw new IllegalStateException(p + " " + s.transformation() + " does not round-trip");
        }
        return roundTrip;
    }

    private static BlockCipher bcBlock(Scenario s) {
        return s.keyAlgorithm().equals("AES") ? AESEngine.newInstance() : new DESedeEngine();
    }

    /** Two MACs over 16 KiB: the sender's and the receiver's. */
    public static Op mac(Scenario s, Provider p) throws Exception {
        byte[] key = new byte[s.mac().equals("HmacSHA256") ? 32 : 20];
        new SecureRandom().nextBytes(key);
        byte[] data = new Wire().payload;
        byte[] out = new byte[32];
        if (p == Provider.JCE) {
            Mac mac = Mac.getInstance(s.mac());
            mac.init(new SecretKeySpec(key, s.mac()));
            return () -> {
                for (int i = 0; i < 2; i++) {
                    mac.update(data, 0, data.length);
                    mac.doFinal(out, 0);
                }
            };
        }
        HMac mac = new HMac(s.mac().equals("HmacSHA256") ? new SHA256Digest() : new SHA1Digest());
        mac.init(new KeyParameter(key));
        return () -> {
            for (int i = 0; i < 2; i++) {
                mac.update(data, 0, data.length);
                mac.doFinal(out, 0);
            }
        };
    }

    /**
     * One RSA-2048 private-key operation as the server of an RSA key exchange does it: PKCS #1 v1.5 decryption of a
     * 48-byte pre_master_secret, checked against the original.
     */
    public static Op rsaPrivate(Provider p) throws Exception {
        Pki pki = Pki.get();
        PublicKey pub = pki.serverChain[0].getPublicKey();
        PrivateKey priv = pki.serverKey;
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Cipher encrypt = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        encrypt.init(Cipher.ENCRYPT_MODE, pub);
        byte[] encrypted = encrypt.doFinal(secret);
        if (p == Provider.JCE) {
            Cipher decrypt = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            decrypt.init(Cipher.DECRYPT_MODE, priv);
            return () -> check(decrypt.doFinal(encrypted), secret);
        }
        AsymmetricBlockCipher decrypt = new PKCS1Encoding(new RSABlindedEngine());
        decrypt.init(false, PrivateKeyFactory.createKey(priv.getEncoded()));
        return () -> check(decrypt.processBlock(encrypted, 0, encrypted.length), secret);
    }

    private static void check(byte[] got, byte[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalStateException("RSA decryption gave the wrong pre_master_secret");
        }
    }
}
