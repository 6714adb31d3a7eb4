package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.WireReader;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RSA_EXPORT: the signed 512-bit temporary key for long certificate keys, none for short ones. */
class RsaExportKeyExchangeTest {
    private static final TestCredentials LONG_KEY = TestCredentials.rsa(1024);
    private static final TestCredentials SHORT_KEY = TestCredentials.rsa(512);
    private final KeyExchange exchange = new RsaExportKeyExchange();

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_0"})
    void longCertificateKeySendsASignedTemporaryKey(ProtocolVersion version) throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(version, LONG_KEY);
        KeyExchange.Server server = exchange.newServer(contexts[0]);
        KeyExchange.Client client = exchange.newClient(contexts[1]);
        byte[] serverKeyExchange = server.serverKeyExchange();
        assertNotNull(serverKeyExchange);
        WireReader reader = new WireReader(serverKeyExchange, version);
        assertEquals(512, new BigInteger(1, reader.readVector16("rsa_modulus", 1)).bitLength());
        client.processServerKeyExchange(serverKeyExchange);
        byte[] body = client.clientKeyExchange();
        // Encrypted under the 64-byte temporary modulus, not the 128-byte certificate key.
        assertEquals(version.isSsl3() ? 64 : 66, body.length);
        assertArrayEquals(client.preMasterSecret(), server.processClientKeyExchange(body));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_0"})
    void shortCertificateKeyEncryptsDirectly(ProtocolVersion version) throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(version, SHORT_KEY);
        KeyExchange.Server server = exchange.newServer(contexts[0]);
        KeyExchange.Client client = exchange.newClient(contexts[1]);
        assertNull(server.serverKeyExchange());
        client.processServerKeyExchange(null);
        byte[] body = client.clientKeyExchange();
        assertArrayEquals(client.preMasterSecret(), server.processClientKeyExchange(body));
    }

    @Test
    void clientRefusesALongCertificateKeyWithoutTemporaryKey() {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> exchange.newClient(contexts[1]).processServerKeyExchange(null));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
    }

    @Test
    void clientRefusesATemporaryKeyWithAShortCertificateKey() throws SslAlertException {
        TestExchangeContext[] longContexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        byte[] serverKeyExchange = exchange.newServer(longContexts[0]).serverKeyExchange();
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, SHORT_KEY);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> exchange.newClient(contexts[1]).processServerKeyExchange(serverKeyExchange));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void tamperedParametersFailTheSignature() throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        byte[] serverKeyExchange = exchange.newServer(contexts[0]).serverKeyExchange();
        serverKeyExchange[10] ^= 1;
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> exchange.newClient(contexts[1]).processServerKeyExchange(serverKeyExchange));
        assertEquals(AlertDescription.DECRYPT_ERROR, e.alert());
    }

    @Test
    void signedTemporaryKeyOver512BitsIsRefused() throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        byte[] params = ServerRsaParams.of((RSAPublicKey) TestCredentials.rsa(768).keyPair().getPublic()).encoded();
        byte[] signature = contexts[0].signParameters(params);
        byte[] body = concat(params, signature);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> exchange.newClient(contexts[1]).processServerKeyExchange(body));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }

    /** Found by fuzzing: the modulus passed our checks, then Bouncy Castle's encryption threw. */
    @Test
    void signedTemporaryKeyWithASmallFactorIsRefused() throws Exception {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        BigInteger n = BigInteger.valueOf(3).multiply(BigInteger.probablePrime(508, new java.security.SecureRandom()));
        RSAPublicKey key = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(n, BigInteger.valueOf(65537)));
        byte[] params = ServerRsaParams.of(key).encoded();
        byte[] body = concat(params, contexts[0].signParameters(params));
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> exchange.newClient(contexts[1]).processServerKeyExchange(body));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }

    @Test
    void malformedServerRsaParamsAreDecodeErrors() {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, LONG_KEY);
        for (byte[] body : new byte[][] {
            {0},                         // modulus length truncated
            {0, 0, 0, 1, 3},             // zero-length modulus
            {0, 5, 1, 2},                // modulus overruns the message
            {0, 1, 7, 0, 0},             // zero-length exponent
            {0, 1, 7},                   // exponent missing
        }) {
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> exchange.newClient(contexts[1]).processServerKeyExchange(body), Arrays.toString(body));
            assertEquals(AlertDescription.DECODE_ERROR, e.alert(), Arrays.toString(body));
        }
    }

    @Test
    void temporaryKeyIsReusedThenReplacedAfterItsUses() {
        TemporaryRsaKeyCache cache = new TemporaryRsaKeyCache(TemporaryRsaKeyCache.DEFAULT_LIFETIME_MILLIS, 2);
        KeyPair first = cache.get();
        assertSame(first, cache.get());
        KeyPair third = cache.get();
        assertNotSame(first, third);
        assertEquals(512, ((RSAPublicKey) third.getPublic()).getModulus().bitLength());
    }

    @Test
    void temporaryKeyIsReplacedWhenItExpires() throws InterruptedException {
        TemporaryRsaKeyCache cache = new TemporaryRsaKeyCache(1, 1000);
        KeyPair first = cache.get();
        Thread.sleep(5);
        assertNotSame(first, cache.get());
    }

    @Test
    void isExportable() {
        assertTrue(exchange.exportable());
        assertEquals("RSA_EXPORT", exchange.name());
        assertEquals("RSA", exchange.serverKeyAlgorithm());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
