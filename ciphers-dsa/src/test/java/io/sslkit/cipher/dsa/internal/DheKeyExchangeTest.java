package io.sslkit.cipher.dsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.WireReader;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our DHE_DSS client against our DHE_DSS server, and both sides' checks on what the peer sends. */
class DheKeyExchangeTest {
    private static final TestCredentials SERVER = TestCredentials.dsa(1024);
    private static final BigInteger FFDHE_P = DhGroup.FFDHE2048.p();

    private record Run(KeyExchange.Server server, KeyExchange.Client client, byte[] serverKeyExchange,
            TestExchangeContext serverContext, TestExchangeContext clientContext) {
    }

    private static Run start(KeyExchange exchange, ProtocolVersion version, int minimumDhBits)
            throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(version, SERVER, minimumDhBits);
        KeyExchange.Server server = exchange.newServer(contexts[0]);
        return new Run(server, exchange.newClient(contexts[1]), server.serverKeyExchange(), contexts[0], contexts[1]);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void dheDssAgreesInFfdhe2048(ProtocolVersion version) throws SslAlertException {
        Run run = start(new DheDssKeyExchange(), version, 1024);
        WireReader reader = new WireReader(run.serverKeyExchange(), version);
        assertEquals(FFDHE_P, new BigInteger(1, reader.readVector16("dh_p", 1)));
        run.client().processServerKeyExchange(run.serverKeyExchange());
        byte[] body = run.client().clientKeyExchange();
        byte[] secret = run.server().processClientKeyExchange(body);
        assertArrayEquals(run.client().preMasterSecret(), secret);
        assertNotEquals(0, secret[0], "leading zero bytes are stripped");
        assertTrue(secret.length <= 256 && secret.length > 200);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"SSL_3_0", "TLS_1_0"})
    void exportAgreesInThe512BitGroup(ProtocolVersion version) throws SslAlertException {
        Run run = start(new DheDssExportKeyExchange(), version, 512);
        run.client().processServerKeyExchange(run.serverKeyExchange());
        byte[] body = run.client().clientKeyExchange();
        assertArrayEquals(run.client().preMasterSecret(), run.server().processClientKeyExchange(body));
        assertTrue(body.length <= 2 + 64);
    }

    @Test
    void groupsAreSafePrimesOfTheirSize() {
        assertEquals(2048, DhGroup.FFDHE2048.p().bitLength());
        assertEquals(512, DhGroup.EXPORT512.p().bitLength());
        for (DhGroup group : DhGroup.values()) {
            assertTrue(group.p().isProbablePrime(64), group + " p");
            assertTrue(group.p().shiftRight(1).isProbablePrime(64), group + " (p-1)/2");
        }
    }

    @Test
    void groupBelowThePolicyMinimumIsInsufficientSecurity() throws SslAlertException {
        Run tls = start(new DheDssExportKeyExchange(), ProtocolVersion.TLS_1_0, 1024);
        assertClientAlert(AlertDescription.INSUFFICIENT_SECURITY, tls, tls.serverKeyExchange());
        Run ssl3 = start(new DheDssExportKeyExchange(), ProtocolVersion.SSL_3_0, 1024);
        assertClientAlert(AlertDescription.HANDSHAKE_FAILURE, ssl3, ssl3.serverKeyExchange());
        Run big = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_2, 3072);
        assertClientAlert(AlertDescription.INSUFFICIENT_SECURITY, big, big.serverKeyExchange());
    }

    @Test
    void exportClientRefusesALargeGroup() throws SslAlertException {
        TestExchangeContext[] contexts = TestContext.pair(ProtocolVersion.TLS_1_0, SERVER, 512);
        byte[] serverKeyExchange = new DheDssKeyExchange().newServer(contexts[0]).serverKeyExchange();
        KeyExchange.Client client = new DheDssExportKeyExchange().newClient(contexts[1]);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> client.processServerKeyExchange(serverKeyExchange));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }

    @Test
    void clientRefusesDegenerateSignedParameters() throws SslAlertException {
        BigInteger p = FFDHE_P;
        BigInteger two = BigInteger.TWO;
        BigInteger[][] cases = {
            {p, two, BigInteger.ONE},                          // Ys = 1
            {p, two, p.subtract(BigInteger.ONE)},              // Ys = p-1
            {p, two, p},                                       // Ys = p
            {p, two, p.add(two)},                              // Ys > p
            {p, BigInteger.ONE, two},                          // g = 1
            {p, p.subtract(BigInteger.ONE), two},              // g = p-1
            {p.subtract(BigInteger.ONE), two, two},            // even p
        };
        for (BigInteger[] c : cases) {
            Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_2, 1024);
            byte[] params = ServerDhParams.of(c[0], c[1], c[2]).encoded();
            byte[] body = Vectors.concat(params, run.serverContext().signParameters(params));
            assertClientAlert(AlertDescription.ILLEGAL_PARAMETER, run, body);
        }
        Run zero = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_2, 1024);
        byte[] params = ServerDhParams.of(p, two, BigInteger.ZERO).encoded();
        // Zero encodes as one zero byte: a well-formed vector with an illegal value.
        assertClientAlert(AlertDescription.ILLEGAL_PARAMETER, zero,
                Vectors.concat(params, zero.serverContext().signParameters(params)));
    }

    @Test
    void tamperedParametersFailTheSignature() throws SslAlertException {
        Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_1, 1024);
        byte[] body = run.serverKeyExchange().clone();
        body[body.length / 2] ^= 1;
        assertClientAlert(AlertDescription.DECRYPT_ERROR, run, body);
    }

    @Test
    void missingServerKeyExchangeIsUnexpected() throws SslAlertException {
        Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_0, 1024);
        assertClientAlert(AlertDescription.UNEXPECTED_MESSAGE, run, null);
    }

    @Test
    void malformedServerDhParamsAreDecodeErrors() throws SslAlertException {
        Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_0, 1024);
        byte[] good = run.serverKeyExchange();
        int pLength = 2 + 256;
        byte[][] bad = {
            new byte[0],
            {0},
            {0, 0},                                   // zero-length dh_p
            Arrays.copyOf(good, 100),                 // dh_p overruns
            Arrays.copyOf(good, pLength),             // dh_g missing
            withZeroLengthAt(good, pLength),          // zero-length dh_g
        };
        for (byte[] body : bad) {
            assertClientAlert(AlertDescription.DECODE_ERROR, run, body);
        }
        Run ssl3 = start(new DheDssKeyExchange(), ProtocolVersion.SSL_3_0, 1024);
        assertClientAlert(AlertDescription.ILLEGAL_PARAMETER, ssl3, new byte[] {0, 0});
    }

    @Test
    void serverRefusesYcOutOfRange() throws SslAlertException {
        for (BigInteger yc : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, FFDHE_P.subtract(BigInteger.ONE),
            FFDHE_P, FFDHE_P.add(BigInteger.ONE)}) {
            Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_2, 1024);
            assertServerAlert(AlertDescription.ILLEGAL_PARAMETER, run, Vectors.vector16(DiffieHellman.unsigned(yc)));
        }
    }

    @Test
    void serverChecksClientDiffieHellmanPublicFraming() throws SslAlertException {
        Run run = start(new DheDssKeyExchange(), ProtocolVersion.TLS_1_2, 1024);
        run.client().processServerKeyExchange(run.serverKeyExchange());
        byte[] good = run.client().clientKeyExchange();
        assertServerAlert(AlertDescription.DECODE_ERROR, run, Arrays.copyOf(good, good.length + 1));
        assertServerAlert(AlertDescription.DECODE_ERROR, run, Arrays.copyOf(good, good.length - 1));
        assertServerAlert(AlertDescription.DECODE_ERROR, run, new byte[] {0, 0});
        assertServerAlert(AlertDescription.DECODE_ERROR, run, new byte[] {1});
        assertServerAlert(AlertDescription.DECODE_ERROR, run, new byte[0]);
        // The good message still works after all that.
        assertArrayEquals(run.client().preMasterSecret(), run.server().processClientKeyExchange(good));
        Run ssl3 = start(new DheDssKeyExchange(), ProtocolVersion.SSL_3_0, 1024);
        assertServerAlert(AlertDescription.ILLEGAL_PARAMETER, ssl3, new byte[] {0, 0});
    }

    @Test
    void unsignedStripsLeadingZeroBytes() {
        assertArrayEquals(new byte[] {1, 2}, DiffieHellman.unsigned(new BigInteger(1, new byte[] {0, 0, 1, 2})));
        assertArrayEquals(new byte[] {(byte) 0x80}, DiffieHellman.unsigned(BigInteger.valueOf(0x80)));
    }

    private static byte[] withZeroLengthAt(byte[] body, int offset) {
        byte[] out = Arrays.copyOf(body, offset + 2);
        out[offset] = 0;
        out[offset + 1] = 0;
        return out;
    }

    private static void assertClientAlert(AlertDescription expected, Run run, byte[] body) {
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> run.client().processServerKeyExchange(body));
        assertEquals(expected, e.alert(), e.getMessage());
    }

    private static void assertServerAlert(AlertDescription expected, Run run, byte[] body) {
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> run.server().processClientKeyExchange(body));
        assertEquals(expected, e.alert(), e.getMessage());
    }
}
