package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ServiceLoader;

/**
 * Algorithm parts for listing tests: the real RC4 module is on the test class path, the digests and key exchanges
 * are stand-ins registered under a test origin, so the listing can be checked without the other modules.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** The real RC4 module, plus MD5, SHA and the RSA and RSA_EXPORT key exchanges from the fixture origins. */
    static AlgorithmRegistry rc4Registry() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        // only RC4 from the real modules on the class path, so the listing does not change as modules land
        for (BulkCipher c : ServiceLoader.load(BulkCipher.class, Fixtures.class.getClassLoader())) {
            if (c.name().startsWith("RC4")) {
                r.add(c, c.getClass().getPackageName());
            }
        }
        r.add(new JdkDigest("MD5", "MD5", 64, 48), "test.md5");
        r.add(new JdkDigest("SHA", "SHA-1", 64, 40), "test.sha1");
        r.add(new ListingOnlyKeyExchange("RSA", "RSA", false), "test.rsa");
        r.add(new ListingOnlyKeyExchange("RSA_EXPORT", "RSA", true), "test.rsa");
        return r;
    }

    /** A digest backed by the JDK. */
    record JdkDigest(String name, String jcaName, int blockLength, int ssl3PadLength) implements Digest {
        @Override
        public int length() {
            return md().getDigestLength();
        }

        private MessageDigest md() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public DigestInstance newInstance() {
            MessageDigest md = md();
            return new DigestInstance() {
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
                    byte[] d = md.digest();
                    System.arraycopy(d, 0, out, offset, d.length);
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
                    throw new UnsupportedOperationException("not needed for listing");
                }
            };
        }
    }

    /** A key exchange that can be listed but never run: the listing tests never handshake. */
    record ListingOnlyKeyExchange(String name, String serverKeyAlgorithm, boolean exportable) implements KeyExchange {
        @Override
        public Server newServer(KeyExchangeContext context) {
            throw new UnsupportedOperationException("listing fixture");
        }

        @Override
        public Client newClient(KeyExchangeContext context) {
            throw new UnsupportedOperationException("listing fixture");
        }
    }
}
