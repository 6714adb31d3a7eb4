package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Our RSA client against our RSA server, and the server's answers to hostile ClientKeyExchange bodies. */
class RsaKeyExchangeTest {
    private static final TestCredentials SERVER = TestCredentials.rsa(1024);
    private static final int K = 128;

    private record Run(byte[] clientBody, byte[] clientSecret, KeyExchange.Server server, TestExchangeContext serverContext) {
    }

    private static Run handshake(ProtocolVersion version) throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(version, SERVER);
        KeyExchange exchange = new RsaKeyExchange();
        KeyExchange.Server server = exchange.newServer(contexts[0]);
        KeyExchange.Client client = exchange.newClient(contexts[1]);
        byte[] serverKeyExchange = server.serverKeyExchange();
        assertNull(serverKeyExchange, "RSA sends no ServerKeyExchange");
        client.processServerKeyExchange(serverKeyExchange);
        byte[] body = client.clientKeyExchange();
        return new Run(body, client.preMasterSecret(), server, contexts[0]);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void clientAndServerAgreeOnThePreMasterSecret(ProtocolVersion version) throws SslAlertException {
        Run run = handshake(version);
        byte[] secret = run.server().processClientKeyExchange(run.clientBody());
        assertEquals(48, secret.length);
        assertArrayEquals(run.clientSecret(), secret);
        assertEquals(version.major(), secret[0]);
        assertEquals(version.minor(), secret[1]);
    }

    @Test
    void ssl3SendsTheBareCiphertext() throws SslAlertException {
        assertEquals(K, handshake(ProtocolVersion.SSL_3_0).clientBody().length);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS_1_0", "TLS_1_1", "TLS_1_2"})
    void tlsPrefixesTheCiphertextWithItsLength(ProtocolVersion version) throws SslAlertException {
        byte[] body = handshake(version).clientBody();
        assertEquals(K + 2, body.length);
        assertEquals(K, ((body[0] & 0xff) << 8) | (body[1] & 0xff));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void tamperedCiphertextYieldsARandomSecretWithoutAnError(ProtocolVersion version) throws SslAlertException {
        Run run = handshake(version);
        byte[] body = run.clientBody().clone();
        body[body.length - 10] ^= 0x40;
        byte[] first = run.server().processClientKeyExchange(body);
        byte[] second = run.server().processClientKeyExchange(body);
        assertEquals(48, first.length);
        assertFalse(Arrays.equals(run.clientSecret(), first));
        // The substitute is fresh every time, so a tampered message cannot be told apart by a stable secret.
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void clientRejectsAServerKeyExchange() {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, SERVER);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> new RsaKeyExchange().newClient(contexts[1]).processServerKeyExchange(new byte[] {0, 1, 1}));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void tlsLengthPrefixMustMatchTheBody() throws SslAlertException {
        Run run = handshake(ProtocolVersion.TLS_1_2);
        byte[] body = run.clientBody().clone();
        body[1]++;
        assertAlert(AlertDescription.DECODE_ERROR, run.server(), body);
        assertAlert(AlertDescription.DECODE_ERROR, run.server(), Arrays.copyOf(run.clientBody(), K + 3));
        assertAlert(AlertDescription.DECODE_ERROR, run.server(), new byte[] {0});
        assertAlert(AlertDescription.DECODE_ERROR, run.server(), new byte[0]);
    }

    @Test
    void ciphertextMustBeAsLongAsTheModulus() throws SslAlertException {
        Run tls = handshake(ProtocolVersion.TLS_1_0);
        byte[] shortBody = Arrays.copyOf(tls.clientBody(), K + 1);
        shortBody[1] = (byte) (K - 1);
        assertAlert(AlertDescription.DECODE_ERROR, tls.server(), shortBody);
        Run ssl3 = handshake(ProtocolVersion.SSL_3_0);
        // SSL 3.0 has no decode_error: illegal_parameter stands for it.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, ssl3.server(), Arrays.copyOf(ssl3.clientBody(), K - 1));
    }

    @Test
    void ciphertextNotBelowTheModulusYieldsARandomSecret() throws SslAlertException {
        Run run = handshake(ProtocolVersion.SSL_3_0);
        byte[] allOnes = new byte[K];
        Arrays.fill(allOnes, (byte) 0xff);
        byte[] secret = run.server().processClientKeyExchange(allOnes);
        assertEquals(48, secret.length);
    }

    @Test
    void nonCrtPrivateKeyIsBlindedWithTheCertificatesExponent() throws Exception {
        RSAPrivateKey crt = (RSAPrivateKey) SERVER.keyPair().getPrivate();
        PrivateKey plain = KeyFactory.getInstance("RSA").generatePrivate(
                new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        TestCredentials plainCredentials = new TestCredentials(
                new java.security.KeyPair(SERVER.keyPair().getPublic(), plain), SERVER.certificate());
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_1, plainCredentials);
        KeyExchange.Server server = new RsaKeyExchange().newServer(contexts[0]);
        KeyExchange.Client client = new RsaKeyExchange().newClient(contexts[1]);
        client.processServerKeyExchange(server.serverKeyExchange());
        byte[] body = client.clientKeyExchange();
        assertArrayEquals(client.preMasterSecret(), server.processClientKeyExchange(body));
    }

    @Test
    void serverWithoutServerKeyExchangeCallStillDecrypts() throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_2, SERVER);
        KeyExchange.Client client = new RsaKeyExchange().newClient(contexts[1]);
        client.processServerKeyExchange(null);
        byte[] body = client.clientKeyExchange();
        assertArrayEquals(client.preMasterSecret(),
                new RsaKeyExchange().newServer(contexts[0]).processClientKeyExchange(body));
    }

    private static void assertAlert(AlertDescription expected, KeyExchange.Server server, byte[] body) {
        SslAlertException e = assertThrows(SslAlertException.class, () -> server.processClientKeyExchange(body));
        assertEquals(expected, e.alert());
    }
}
