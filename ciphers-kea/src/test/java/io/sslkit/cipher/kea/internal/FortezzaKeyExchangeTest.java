package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.testing.TestExchangeContext;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.SkipjackEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against our server through the SPI, for every suite cipher and every kind of client credential. */
class FortezzaKeyExchangeTest {
    private static final KeyExchange KEA = new FortezzaKeaKeyExchange();
    static TestCredentials server;
    static TestCredentials keaClient;
    static TestCredentials dssClient;

    @BeforeAll
    static void credentials() {
        server = TestCredentials.kea("localhost");
        keaClient = TestCredentials.keaInDomainOf(server, "fortezza client");
        dssClient = TestCredentials.dss(1024);
    }

    /** Both halves of one handshake, run message by message. */
    static final class Exchange {
        final TestExchangeContext serverContext;
        final TestExchangeContext clientContext;
        final KeyExchange.Server serverSide;
        final KeyExchange.Client clientSide;

        Exchange(String cipher, TestCredentials client) {
            TestExchangeContext[] contexts = TestContext.pair(cipher, server.certificate(), server.privateKey(),
                    client == null ? null : client.certificate(), client == null ? null : client.privateKey());
            serverContext = contexts[0];
            clientContext = contexts[1];
            serverSide = KEA.newServer(serverContext);
            clientSide = KEA.newClient(clientContext);
        }

        /** ServerKeyExchange to the client, ClientKeyExchange back: the body the client sent. */
        byte[] clientKeyExchange() throws SslAlertException {
            clientSide.processServerKeyExchange(serverSide.serverKeyExchange());
            return clientSide.clientKeyExchange();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SKIPJACK_CBC", "RC4_128", "NULL"})
    void bothSidesAgreeForEverySuiteCipher(String cipher) throws SslAlertException {
        Exchange exchange = new Exchange(cipher, null);
        byte[] serverPms = exchange.serverSide.processClientKeyExchange(exchange.clientKeyExchange());
        assertEquals(48, serverPms.length);
        assertArrayEquals(exchange.clientSide.preMasterSecret(), serverPms);
        if (cipher.equals("SKIPJACK_CBC")) {
            BulkKeys client = exchange.clientSide.bulkKeys();
            BulkKeys server = exchange.serverSide.bulkKeys();
            assertNotNull(client);
            assertEquals(10, client.clientWriteKey().length);
            assertEquals(10, client.serverWriteKey().length);
            assertEquals(8, client.clientWriteIv().length);
            assertEquals(8, client.serverWriteIv().length);
            assertArrayEquals(client.clientWriteKey(), server.clientWriteKey());
            assertArrayEquals(client.serverWriteKey(), server.serverWriteKey());
            assertArrayEquals(client.clientWriteIv(), server.clientWriteIv());
            assertArrayEquals(client.serverWriteIv(), server.serverWriteIv());
            assertFalse(Arrays.equals(client.clientWriteKey(), client.serverWriteKey()));
            assertEquals("BulkKeys[redacted]", client.toString());
            // The delivered keys really key SKIPJACK-CBC in both directions.
            byte[] record = "sixteen bytes!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertArrayEquals(record, cbc(false, server.clientWriteKey(), server.clientWriteIv(),
                    cbc(true, client.clientWriteKey(), client.clientWriteIv(), record)));
            assertArrayEquals(record, cbc(false, client.serverWriteKey(), client.serverWriteIv(),
                    cbc(true, server.serverWriteKey(), server.serverWriteIv(), record)));
        } else {
            // RC4_128 and NULL take their keys from the key_block (RFC 6101 §6.2.2).
            assertNull(exchange.clientSide.bulkKeys());
            assertNull(exchange.serverSide.bulkKeys());
        }
    }

    @Test
    void everyHandshakeHasItsOwnSecrets() throws SslAlertException {
        Exchange first = new Exchange("SKIPJACK_CBC", null);
        first.serverSide.processClientKeyExchange(first.clientKeyExchange());
        Exchange second = new Exchange("SKIPJACK_CBC", null);
        second.serverSide.processClientKeyExchange(second.clientKeyExchange());
        assertFalse(Arrays.equals(first.clientSide.preMasterSecret(), second.clientSide.preMasterSecret()));
        assertFalse(Arrays.equals(first.clientSide.bulkKeys().clientWriteKey(),
                second.clientSide.bulkKeys().clientWriteKey()));
    }

    @Test
    void clientWithAKeaCertificateSendsAnEmptyYc() throws SslAlertException {
        Exchange exchange = new Exchange("SKIPJACK_CBC", keaClient);
        byte[] body = exchange.clientKeyExchange();
        FortezzaKeys keys = FortezzaKeys.decode(body);
        assertEquals(0, keys.yC().length);
        assertTrue(YSignature.isEmpty(keys.ySignature()));
        assertArrayEquals(exchange.clientSide.preMasterSecret(), exchange.serverSide.processClientKeyExchange(body));
        assertArrayEquals(exchange.clientSide.bulkKeys().serverWriteKey(),
                exchange.serverSide.bulkKeys().serverWriteKey());
    }

    @Test
    void clientWithADssCertificateSignsItsYc() throws SslAlertException {
        Exchange exchange = new Exchange("RC4_128", dssClient);
        byte[] body = exchange.clientKeyExchange();
        FortezzaKeys keys = FortezzaKeys.decode(body);
        assertEquals(128, keys.yC().length);
        assertTrue(YSignature.verify((java.security.interfaces.DSAPublicKey) dssClient.certificate().getPublicKey(),
                keys.yC(), keys.ySignature()));
        assertArrayEquals(exchange.clientSide.preMasterSecret(), exchange.serverSide.processClientKeyExchange(body));
    }

    /**
     * Every FortezzaKeys field as a client sends it, at its offset and length, with the values it must hold. (The
     * next test opens the enciphered fields with a TEK computed by hand.)
     */
    @Test
    void everyFortezzaKeysFieldOnTheWire() throws Exception {
        Exchange exchange = new Exchange("SKIPJACK_CBC", null);
        byte[] serverKeyExchange = exchange.serverSide.serverKeyExchange();
        assertEquals(128, serverKeyExchange.length);
        exchange.clientSide.processServerKeyExchange(serverKeyExchange);
        byte[] body = exchange.clientSide.clientKeyExchange();
        assertEquals(1 + 128 + 128 + 40 + 12 + 12 + 24 + 24 + 24 + 48, body.length);
        assertEquals(128, body[0] & 0xff, "y_c length prefix");
        FortezzaKeys keys = FortezzaKeys.decode(body);

        KeaKeyPair serverStatic = ((KeaPrivateKey) server.privateKey()).keyPair();
        KeaDomain domain = serverStatic.domain();
        java.math.BigInteger rS = new java.math.BigInteger(1, serverKeyExchange);
        java.math.BigInteger yC = new java.math.BigInteger(1, keys.yC());
        java.math.BigInteger rC = new java.math.BigInteger(1, keys.rC());
        assertTrue(domain.isValidPublicValue(yC), "y_c");
        assertTrue(domain.isValidPublicValue(rC), "r_c");
        assertTrue(domain.isValidPublicValue(rS), "r_s");
        assertTrue(YSignature.isEmpty(keys.ySignature()), "y_signature without a client certificate");

        byte[] pms = exchange.serverSide.processClientKeyExchange(body);
        BulkKeys delivered = exchange.clientSide.bulkKeys();
        for (byte[] iv : new byte[][] {keys.clientWriteIv(), keys.serverWriteIv(), keys.masterSecretIv()}) {
            assertArrayEquals(new byte[16], Arrays.copyOf(iv, 16), "reserved IV bytes");
        }
        assertArrayEquals(delivered.clientWriteIv(), Arrays.copyOfRange(keys.clientWriteIv(), 16, 24));
        assertArrayEquals(delivered.serverWriteIv(), Arrays.copyOfRange(keys.serverWriteIv(), 16, 24));
        assertEquals(pms.length, keys.encryptedPreMasterSecret().length);
        assertFalse(Arrays.equals(pms, keys.encryptedPreMasterSecret()), "the pre-master secret is enciphered");
    }

    @Test
    void wrappedKeysAndPreMasterSecretOpenUnderTheAgreedTek() throws Exception {
        // Here both sides' private values are ours: run KEA by hand and open the fields with the TEK.
        KeaKeyPair serverStatic = ((KeaPrivateKey) server.privateKey()).keyPair();
        KeaDomain domain = serverStatic.domain();
        KeaKeyPair serverEphemeral = KeaKeyPair.generate(domain, TestExchangeContext.RANDOM);
        TestExchangeContext[] contexts = TestContext.pair("SKIPJACK_CBC", server.certificate(), server.privateKey(), null,
                null);
        FortezzaClient client = new FortezzaClient(contexts[1]);
        client.processServerKeyExchange(PublicValues.encode(serverEphemeral.publicValue()));
        FortezzaKeys keys = FortezzaKeys.decode(client.clientKeyExchange());
        byte[] tek = Kea.agree(serverStatic, serverEphemeral, PublicValues.decode(keys.yC()),
                PublicValues.decode(keys.rC()));
        byte[] clientKey = unwrapByHand(tek, keys.wrappedClientWriteKey());
        assertArrayEquals(client.bulkKeys().clientWriteKey(), clientKey);
        assertArrayEquals(client.bulkKeys().serverWriteKey(), unwrapByHand(tek, keys.wrappedServerWriteKey()));
        byte[] pms = cbc(false, tek, Arrays.copyOfRange(keys.masterSecretIv(), 16, 24),
                keys.encryptedPreMasterSecret());
        assertArrayEquals(client.preMasterSecret(), pms);
    }

    /** The documented wrap: SKIPJACK on bytes 4-11, then on 0-7; the plain text is key || SHA-1(key)[0..1]. */
    private static byte[] unwrapByHand(byte[] tek, byte[] wrapped) throws Exception {
        SkipjackEngine engine = new SkipjackEngine();
        engine.init(false, new KeyParameter(tek));
        byte[] block = wrapped.clone();
        engine.processBlock(block, 4, block, 4);
        engine.processBlock(block, 0, block, 0);
        byte[] key = Arrays.copyOf(block, 10);
        byte[] check = java.security.MessageDigest.getInstance("SHA-1").digest(key);
        assertArrayEquals(Arrays.copyOf(check, 2), Arrays.copyOfRange(block, 10, 12), "check value");
        return key;
    }

    static byte[] cbc(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        CBCModeCipher cbc = CBCBlockCipher.newInstance(new SkipjackEngine());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += 8) {
            cbc.processBlock(data, i, out, i);
        }
        return out;
    }
}
