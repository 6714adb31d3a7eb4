package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Whatever a peer or an attacker changes ends the handshake with the fatal alert that fits. */
class FortezzaTamperTest {
    /** Offsets in a FortezzaKeys body with a 128-byte y_c. */
    private static final int Y_C = 1;
    private static final int R_C = 129;
    private static final int Y_SIGNATURE = 257;
    private static final int WRAPPED_CLIENT_WRITE_KEY = 297;
    private static final int WRAPPED_SERVER_WRITE_KEY = 309;
    private static final int CLIENT_WRITE_IV = 321;
    private static final int MASTER_SECRET_IV = 369;
    private static final int ENCRYPTED_PRE_MASTER_SECRET = 393;

    private static KeaDomain domain;
    private static BigInteger outsideSubgroup;

    @BeforeAll
    static void credentials() {
        FortezzaKeyExchangeTest.credentials();
        domain = ((KeaPrivateKey) FortezzaKeyExchangeTest.server.privateKey()).keyPair().domain();
        BigInteger candidate = BigInteger.TWO;
        while (candidate.modPow(domain.q(), domain.p()).equals(BigInteger.ONE)) {
            candidate = candidate.add(BigInteger.ONE);
        }
        outsideSubgroup = candidate;
    }

    private static void expect(AlertDescription alert, Executable step) {
        SslAlertException e = assertThrows(SslAlertException.class, step);
        assertEquals(alert, e.alert(), e.getMessage());
        assertFalse(e.isReceived());
    }

    private static byte[] replace(byte[] body, int offset, byte[] value) {
        byte[] out = body.clone();
        System.arraycopy(value, 0, out, offset, value.length);
        return out;
    }

    private static byte[] flip(byte[] body, int offset) {
        byte[] out = body.clone();
        out[offset] ^= 0x01;
        return out;
    }

    private static FortezzaKeyExchangeTest.Exchange exchange(TestCredentials client) {
        return new FortezzaKeyExchangeTest.Exchange("SKIPJACK_CBC", client);
    }

    @Test
    void tamperedYSignatureIsABadCertificate() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(FortezzaKeyExchangeTest.dssClient);
        byte[] body = exchange.clientKeyExchange();
        expect(AlertDescription.BAD_CERTIFICATE,
                () -> exchange.serverSide.processClientKeyExchange(flip(body, Y_SIGNATURE + 39)));
    }

    @Test
    void ySignatureOverAnotherYcIsABadCertificate() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(FortezzaKeyExchangeTest.dssClient);
        byte[] body = exchange.clientKeyExchange();
        byte[] otherYc = PublicValues.encode(KeaKeyPair.generate(domain, TestExchangeContext.RANDOM).publicValue());
        expect(AlertDescription.BAD_CERTIFICATE,
                () -> exchange.serverSide.processClientKeyExchange(replace(body, Y_C, otherYc)));
    }

    @Test
    void ySignatureWithoutACertificateIsIllegal() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        expect(AlertDescription.ILLEGAL_PARAMETER,
                () -> exchange.serverSide.processClientKeyExchange(flip(body, Y_SIGNATURE)));
    }

    @Test
    void rcOutOfRangeIsIllegal() throws SslAlertException {
        BigInteger p = domain.p();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
            outsideSubgroup}) {
            FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
            byte[] body = exchange.clientKeyExchange();
            expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.serverSide.processClientKeyExchange(
                    replace(body, R_C, PublicValues.encode(bad))));
        }
        // p itself and anything above it do not fit 1 < R < p either.
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        byte[] allOnes = new byte[128];
        Arrays.fill(allOnes, (byte) 0xff);
        expect(AlertDescription.ILLEGAL_PARAMETER,
                () -> exchange.serverSide.processClientKeyExchange(replace(body, R_C, allOnes)));
    }

    @Test
    void ycOutOfRangeIsIllegal() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.serverSide.processClientKeyExchange(
                replace(body, Y_C, PublicValues.encode(outsideSubgroup))));
    }

    @Test
    void aValidButForeignRcGivesAnotherTekAndTheWrappedKeysFail() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        byte[] otherRc = PublicValues.encode(KeaKeyPair.generate(domain, TestExchangeContext.RANDOM).publicValue());
        expect(AlertDescription.HANDSHAKE_FAILURE,
                () -> exchange.serverSide.processClientKeyExchange(replace(body, R_C, otherRc)));
    }

    @Test
    void wrongWrappedKeysFailTheHandshake() throws SslAlertException {
        for (int offset : new int[] {WRAPPED_CLIENT_WRITE_KEY, WRAPPED_CLIENT_WRITE_KEY + 11,
            WRAPPED_SERVER_WRITE_KEY, WRAPPED_SERVER_WRITE_KEY + 5}) {
            FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
            byte[] body = exchange.clientKeyExchange();
            expect(AlertDescription.HANDSHAKE_FAILURE,
                    () -> exchange.serverSide.processClientKeyExchange(flip(body, offset)));
        }
        // The two wrapped keys swapped: each is well-formed, but the server must not take one for the other.
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        byte[] swapped = replace(replace(body, WRAPPED_CLIENT_WRITE_KEY,
                Arrays.copyOfRange(body, WRAPPED_SERVER_WRITE_KEY, WRAPPED_SERVER_WRITE_KEY + 12)),
                WRAPPED_SERVER_WRITE_KEY, Arrays.copyOfRange(body, WRAPPED_CLIENT_WRITE_KEY,
                        WRAPPED_CLIENT_WRITE_KEY + 12));
        try {
            exchange.serverSide.processClientKeyExchange(swapped);
            assertFalse(Arrays.equals(exchange.clientSide.bulkKeys().clientWriteKey(),
                    exchange.serverSide.bulkKeys().clientWriteKey()), "swapped keys must not go unnoticed");
        } catch (SslAlertException e) {
            throw new AssertionError("swapped wrapped keys are each valid: they must unwrap", e);
        }
    }

    @Test
    void nonZeroReservedIvBytesAreIllegal() throws SslAlertException {
        for (int offset : new int[] {CLIENT_WRITE_IV, MASTER_SECRET_IV + 15}) {
            FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
            byte[] body = exchange.clientKeyExchange();
            expect(AlertDescription.ILLEGAL_PARAMETER,
                    () -> exchange.serverSide.processClientKeyExchange(flip(body, offset)));
        }
    }

    @Test
    void aTamperedPreMasterSecretIsCaughtByTheFinishedMessagesNotHere() throws SslAlertException {
        // Like RSA's, the enciphered pre_master_secret has no integrity of its own: a change yields another secret,
        // and the Finished exchange fails. The server must not leak a distinguishable error here.
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        byte[] secret = exchange.serverSide.processClientKeyExchange(flip(body, ENCRYPTED_PRE_MASTER_SECRET + 47));
        assertFalse(Arrays.equals(exchange.clientSide.preMasterSecret(), secret));
    }

    @Test
    void emptyYcWithoutAKeaCertificateIsIllegal() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(FortezzaKeyExchangeTest.keaClient);
        byte[] body = exchange.clientKeyExchange();
        exchange.serverContext.clientCertificate(null);
        expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.serverSide.processClientKeyExchange(body));
    }

    @Test
    void ycBesideAKeaCertificateIsIllegal() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] body = exchange.clientKeyExchange();
        exchange.serverContext.clientCertificate(FortezzaKeyExchangeTest.keaClient.certificate());
        expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.serverSide.processClientKeyExchange(body));
    }

    @Test
    void aClientKeaKeyInAnotherDomainFails() {
        TestCredentials foreign = TestCredentials.keaInOtherDomainThan(FortezzaKeyExchangeTest.server, "elsewhere");
        FortezzaKeyExchangeTest.Exchange exchange = exchange(foreign);
        expect(AlertDescription.HANDSHAKE_FAILURE, exchange::clientKeyExchange);
    }

    @Test
    void aClientKeaCertificateInAnotherDomainFailsOnTheServer() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(FortezzaKeyExchangeTest.keaClient);
        byte[] body = exchange.clientKeyExchange();
        exchange.serverContext.clientCertificate(TestCredentials.keaInOtherDomainThan(
                FortezzaKeyExchangeTest.server, "elsewhere").certificate());
        expect(AlertDescription.HANDSHAKE_FAILURE, () -> exchange.serverSide.processClientKeyExchange(body));
    }

    @Test
    void anInvalidRsIsIllegal() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        exchange.serverSide.serverKeyExchange();
        expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.clientSide.processServerKeyExchange(
                PublicValues.encode(outsideSubgroup)));
        expect(AlertDescription.ILLEGAL_PARAMETER, () -> exchange.clientSide.processServerKeyExchange(new byte[127]));
        expect(AlertDescription.UNEXPECTED_MESSAGE, () -> exchange.clientSide.processServerKeyExchange(null));
    }

    @Test
    void aServerCertificateWithoutAKeaKeyIsUnsupported() throws SslAlertException {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        byte[] params = exchange.serverSide.serverKeyExchange();
        exchange.clientContext.serverCertificate(FortezzaKeyExchangeTest.dssClient.certificate());
        expect(AlertDescription.UNSUPPORTED_CERTIFICATE, () -> exchange.clientSide.processServerKeyExchange(params));
    }

    @Test
    void aServerCredentialThatIsNotKeaIsAnInternalError() {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        exchange.serverContext.serverPrivateKey(FortezzaKeyExchangeTest.dssClient.privateKey());
        expect(AlertDescription.INTERNAL_ERROR, exchange.serverSide::serverKeyExchange);
        FortezzaKeyExchangeTest.Exchange mismatched = exchange(null);
        mismatched.serverContext.serverPrivateKey(FortezzaKeyExchangeTest.keaClient.privateKey());
        expect(AlertDescription.INTERNAL_ERROR, mismatched.serverSide::serverKeyExchange);
    }

    @Test
    void onlySsl3() {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2}) {
            FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
            exchange.serverContext.version(version);
            exchange.clientContext.version(version);
            expect(AlertDescription.HANDSHAKE_FAILURE, exchange.serverSide::serverKeyExchange);
            expect(AlertDescription.HANDSHAKE_FAILURE, () -> exchange.clientSide.processServerKeyExchange(
                    new byte[128]));
        }
    }

    @Test
    void aHandshakeThatDoesNotNameTheCipherIsRefused() {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(null);
        exchange.serverContext.bulkCipherName(null);
        expect(AlertDescription.INTERNAL_ERROR, exchange.serverSide::serverKeyExchange);
    }

    @Test
    void aDssClientKeyWithoutA160BitQCannotSign() {
        FortezzaKeyExchangeTest.Exchange exchange = exchange(TestCredentials.dss(2048));
        expect(AlertDescription.HANDSHAKE_FAILURE, exchange::clientKeyExchange);
    }
}
