package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;

/** The shared test context, with the server's parameters signed as SSL 3.0 / TLS 1.0-1.1 do: DSA over SHA-1. */
final class TestContext {
    private static final TestExchangeContext.ParameterSignature SHA1_DSA =
            new TestExchangeContext.ParameterSignature() {
                @Override
                public byte[] sign(PrivateKey key, byte[] signed) throws GeneralSecurityException {
                    return new DsaSignature().sign(key, null, TestExchangeContext.digest(signed, "SHA-1"),
                            TestExchangeContext.RANDOM);
                }

                @Override
                public boolean verify(PublicKey key, byte[] signed, byte[] signature)
                        throws GeneralSecurityException {
                    return new DsaSignature().verify(key, null, TestExchangeContext.digest(signed, "SHA-1"),
                            signature);
                }
            };

    private TestContext() {
    }

    /** A server context and the matching client context of the same handshake, both with this DH minimum. */
    static TestExchangeContext[] pair(ProtocolVersion version, TestCredentials credentials, int minimumDhBits) {
        TestExchangeContext[] pair = TestExchangeContext.pair(version, credentials.certificate(),
                credentials.keyPair().getPrivate(), SHA1_DSA);
        for (TestExchangeContext c : pair) {
            c.minimumDhBits(minimumDhBits);
        }
        return pair;
    }
}
