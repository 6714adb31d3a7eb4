package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPrivateKey;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's half of FORTEZZA_KEA. As on a Fortezza card, the client chooses everything: the SKIPJACK write keys
 * and IVs of both directions and the pre_master_secret, sent under the TEK it agrees with the server's static key
 * (from the certificate) and ephemeral R_s.
 */
final class FortezzaClient implements KeyExchange.Client {
    private static final Logger LOG = LoggerFactory.getLogger(FortezzaClient.class);

    private final KeyExchangeContext context;
    private KeaPublicKeys.KeaPublicKey serverStatic;
    private BigInteger rS;
    private byte[] preMasterSecret;
    private BulkKeys bulkKeys;

    FortezzaClient(KeyExchangeContext context) {
        this.context = context;
    }

    @Override
    public void processServerKeyExchange(byte[] body) throws SslAlertException {
        FortezzaKeaKeyExchange.deliversBulkKeys(context);
        if (body == null) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "FORTEZZA_KEA needs ServerFortezzaParams and none was sent");
        }
        ServerFortezzaParams params = ServerFortezzaParams.decode(body);
        KeaPublicKeys.KeaPublicKey certified = KeaPublicKeys.read(context.serverCertificate());
        BigInteger value = PublicValues.decode(params.rS());
        if (!certified.domain().isValidPublicValue(value)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "r_s fails 1 < R < p, R^q = 1 mod p");
        }
        serverStatic = certified;
        rS = value;
    }

    @Override
    public byte[] clientKeyExchange() throws SslAlertException {
        if (rS == null) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "ClientKeyExchange built before ServerKeyExchange was processed");
        }
        boolean skipjack = FortezzaKeaKeyExchange.deliversBulkKeys(context);
        SecureRandom random = context.random();
        ClientStatic own = clientStatic(random);
        KeaKeyPair ephemeral = KeaKeyPair.generate(own.pair().domain(), random);
        FortezzaToken token;
        try {
            token = new FortezzaToken(Kea.agree(own.pair(), ephemeral, serverStatic.y(), rS));
        } catch (InvalidKeyException e) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "KEA agreement refused", e);
        }
        try {
            byte[] clientWriteKey = FortezzaToken.generateKey(random);
            byte[] serverWriteKey = FortezzaToken.generateKey(random);
            byte[] clientWriteIv = FortezzaToken.generateIv(random);
            byte[] serverWriteIv = FortezzaToken.generateIv(random);
            byte[] masterSecretIv = FortezzaToken.generateIv(random);
            byte[] secret = new byte[FortezzaToken.PRE_MASTER_SECRET_LENGTH];
            random.nextBytes(secret);
            FortezzaKeys keys = new FortezzaKeys(own.yC(), PublicValues.encode(ephemeral.publicValue()),
                    own.ySignature(), token.wrap(clientWriteKey), token.wrap(serverWriteKey), clientWriteIv,
                    serverWriteIv, masterSecretIv, token.encryptPreMasterSecret(secret,
                            FortezzaToken.cbcIv("master_secret_iv", masterSecretIv)));
            preMasterSecret = secret;
            if (skipjack) {
                bulkKeys = new BulkKeys(clientWriteKey, serverWriteKey,
                        FortezzaToken.cbcIv("client_write_iv", clientWriteIv),
                        FortezzaToken.cbcIv("server_write_iv", serverWriteIv));
            } else {
                Arrays.fill(clientWriteKey, (byte) 0);
                Arrays.fill(serverWriteKey, (byte) 0);
            }
            LOG.debug("FORTEZZA_KEA: ClientKeyExchange built, client KEA key {}, bulk keys {}",
                    own.yC().length == 0 ? "from its certificate" : "in y_c",
                    skipjack ? "in FortezzaKeys" : "from the key_block");
            return keys.encode();
        } finally {
            token.destroy();
        }
    }

    /** The client's static KEA key, with what y_c and y_signature say about it. */
    private record ClientStatic(KeaKeyPair pair, byte[] yC, byte[] ySignature) {
    }

    /**
     * A KEA client certificate (fortezza_dms) gives the static key and an empty y_c. A DSS certificate signs a fresh
     * static key sent as y_c. Without a certificate the fresh y_c goes unsigned.
     */
    private ClientStatic clientStatic(SecureRandom random) throws SslAlertException {
        KeaDomain domain = serverStatic.domain();
        X509Certificate certificate = context.clientCertificate();
        PrivateKey key = context.clientPrivateKey();
        if (certificate != null && key instanceof KeaPrivateKey kea) {
            if (!KeaPublicKeys.read(certificate).y().equals(kea.keyPair().publicValue())) {
                throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                        "the client's KEA private key does not match its certificate");
            }
            if (!kea.keyPair().domain().sameAs(domain)) {
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                        "the client's KEA key is in another domain than the server's");
            }
            return new ClientStatic(kea.keyPair(), new byte[0], new byte[YSignature.LENGTH]);
        }
        KeaKeyPair fresh = KeaKeyPair.generate(domain, random);
        byte[] yC = PublicValues.encode(fresh.publicValue());
        if (certificate == null) {
            return new ClientStatic(fresh, yC, new byte[YSignature.LENGTH]);
        }
        if (key instanceof DSAPrivateKey dss) {
            return new ClientStatic(fresh, yC, YSignature.sign(dss, yC, random));
        }
        throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                "FORTEZZA_KEA client authentication needs a KEA or DSS certificate, not "
                        + (key == null ? "no key" : key.getAlgorithm()));
    }

    @Override
    public byte[] preMasterSecret() {
        if (preMasterSecret == null) {
            throw new IllegalStateException("no pre_master_secret before clientKeyExchange()");
        }
        return preMasterSecret.clone();
    }

    @Override
    public BulkKeys bulkKeys() {
        return bulkKeys;
    }
}
