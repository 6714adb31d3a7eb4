package io.sslkit.record.testing;

import io.sslkit.api.spi.CompressionFunction;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Test-only Digest over the JDK's MessageDigest, standing in for the digest modules being written alongside; its
 * compression function is the digest module's, as the record layer's constant-time CBC MAC check uses it.
 */
public record JcaDigest(String name, String jcaName, String hmacName, int length, int blockLength, int ssl3PadLength)
        implements Digest {

    public static final JcaDigest MD5 = new JcaDigest("MD5", "MD5", "HmacMD5", 16, 64, 48);
    public static final JcaDigest SHA = new JcaDigest("SHA", "SHA-1", "HmacSHA1", 20, 64, 40);
    public static final JcaDigest SHA256 = new JcaDigest("SHA256", "SHA-256", "HmacSHA256", 32, 64, 0);
    public static final JcaDigest SHA384 = new JcaDigest("SHA384", "SHA-384", "HmacSHA384", 48, 128, 0);

    public static final java.util.List<JcaDigest> ALL = java.util.List.of(MD5, SHA, SHA256, SHA384);

    @Override
    public DigestInstance newInstance() {
        try {
            return new Instance(MessageDigest.getInstance(jcaName));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompressionFunction newCompressionFunction() {
        Digest module = switch (name) {
            case "MD5" -> new io.sslkit.cipher.md5.internal.Md5Digest();
            case "SHA" -> new io.sslkit.cipher.sha1.internal.Sha1Digest();
            case "SHA256" -> new io.sslkit.cipher.sha2.internal.Sha256Digest();
            case "SHA384" -> new io.sslkit.cipher.sha2.internal.Sha384Digest();
            default -> throw new IllegalStateException("no digest module for " + name);
        };
        return module.newCompressionFunction();
    }

    @Override
    public String toString() {
        return name;
    }

    private record Instance(MessageDigest md) implements DigestInstance {
        @Override
        public void update(byte b) {
            md.update(b);
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            md.update(data, offset, length);
        }

        @Override
        public void digest(byte[] out, int offset) {
            try {
                md.digest(out, offset, md.getDigestLength());
            } catch (java.security.DigestException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public byte[] digest() {
            return md.digest();
        }

        @Override
        public void reset() {
            md.reset();
        }

        @Override
        public DigestInstance copy() {
            try {
                return new Instance((MessageDigest) md.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
