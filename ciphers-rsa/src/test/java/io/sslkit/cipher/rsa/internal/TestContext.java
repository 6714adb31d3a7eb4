package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;

/** The shared test context, with the server's parameters signed as SSL 3.0 / TLS 1.0-1.1 do: RSA over MD5 || SHA-1. */
final class TestContext {
    private static final TestExchangeContext.ParameterSignature MD5_SHA1_RSA =
            new TestExchangeContext.ParameterSignature() {
                @Override
                public byte[] sign(PrivateKey key, byte[] signed) throws GeneralSecurityException {
                    return new RsaSignature().sign(key, null, TestExchangeContext.digest(signed, "MD5", "SHA-1"),
                            TestExchangeContext.RANDOM);
                }

                @Override
                public boolean verify(PublicKey key, byte[] signed, byte[] signature)
                        throws GeneralSecurityException {
                    return new RsaSignature().verify(key, null, TestExchangeContext.digest(signed, "MD5", "SHA-1"),
                            signature);
                }
            };

    private TestContext() {
    }

    /** A server context and the matching client context of the same handshake. */
    static TestExchangeContext[] pair(ProtocolVersion version, TestCredentials credentials) {
        return TestExchangeContext.pair(version, credentials.certificate(), credentials.keyPair().getPrivate(),
                MD5_SHA1_RSA);
    }
}
