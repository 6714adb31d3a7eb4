package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's half of FORTEZZA_KEA: sends its ephemeral R_s, then recovers the TEK from the client's static and
 * ephemeral public values and unwraps what the client chose.
 */
final class FortezzaServer implements KeyExchange.Server {
    private static final Logger LOG = LoggerFactory.getLogger(FortezzaServer.class);

    private final KeyExchangeContext context;
    private KeaKeyPair staticPair;
    private KeaKeyPair ephemeral;
    private BulkKeys bulkKeys;

    FortezzaServer(KeyExchangeContext context) {
        this.context = context;
    }

    @Override
    public byte[] serverKeyExchange() throws SslAlertException {
        FortezzaKeaKeyExchange.deliversBulkKeys(context);
        if (!(context.serverPrivateKey() instanceof KeaPrivateKey key)) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "FORTEZZA_KEA needs a KEA private key as the server credential");
        }
        KeaPublicKeys.KeaPublicKey certified = KeaPublicKeys.read(context.serverCertificate());
        if (!certified.domain().sameAs(key.keyPair().domain())
                || !certified.y().equals(key.keyPair().publicValue())) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "the server's KEA private key does not match its certificate");
        }
        staticPair = key.keyPair();
        ephemeral = KeaKeyPair.generate(staticPair.domain(), context.random());
        return new ServerFortezzaParams(PublicValues.encode(ephemeral.publicValue())).encode();
    }

    @Override
    public byte[] processClientKeyExchange(byte[] body) throws SslAlertException {
        if (ephemeral == null) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "ClientKeyExchange processed before ServerKeyExchange was sent");
        }
        boolean skipjack = FortezzaKeaKeyExchange.deliversBulkKeys(context);
        FortezzaKeys keys = FortezzaKeys.decode(body);
        KeaDomain domain = staticPair.domain();
        BigInteger rC = PublicValues.decode(keys.rC());
        if (!domain.isValidPublicValue(rC)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "r_c fails 1 < R < p, R^q = 1 mod p");
        }
        BigInteger yC = clientStaticValue(keys, domain);
        FortezzaToken token;
        try {
            token = new FortezzaToken(Kea.agree(staticPair, ephemeral, yC, rC));
        } catch (InvalidKeyException e) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "KEA agreement refused", e);
        }
        ephemeral = null;
        try {
            byte[] clientWriteKey = token.unwrap("wrapped_client_write_key", keys.wrappedClientWriteKey());
            byte[] serverWriteKey = token.unwrap("wrapped_server_write_key", keys.wrappedServerWriteKey());
            byte[] clientWriteIv = FortezzaToken.cbcIv("client_write_iv", keys.clientWriteIv());
            byte[] serverWriteIv = FortezzaToken.cbcIv("server_write_iv", keys.serverWriteIv());
            byte[] masterSecretIv = FortezzaToken.cbcIv("master_secret_iv", keys.masterSecretIv());
            byte[] preMasterSecret = token.decryptPreMasterSecret(keys.encryptedPreMasterSecret(), masterSecretIv);
            if (skipjack) {
                bulkKeys = new BulkKeys(clientWriteKey, serverWriteKey, clientWriteIv, serverWriteIv);
            } else {
                Arrays.fill(clientWriteKey, (byte) 0);
                Arrays.fill(serverWriteKey, (byte) 0);
            }
            LOG.debug("FORTEZZA_KEA: ClientKeyExchange accepted, client KEA key {}, bulk keys {}",
                    keys.yC().length == 0 ? "from its certificate" : "in y_c",
                    skipjack ? "from FortezzaKeys" : "from the key_block");
            return preMasterSecret;
        } finally {
            token.destroy();
        }
    }

    /**
     * Y_c: from the client's KEA certificate when y_c is empty, otherwise y_c itself, signed by the client's DSS
     * certificate key when it sent one (RFC 6101 §5.6.7.2). A client without a certificate sends an unsigned y_c:
     * it stays anonymous, as with any other SSL 3.0 exchange when the server asks for no certificate.
     */
    private BigInteger clientStaticValue(FortezzaKeys keys, KeaDomain domain) throws SslAlertException {
        X509Certificate certificate = context.clientCertificate();
        if (keys.yC().length == 0) {
            if (certificate == null || !KeaPublicKeys.isKea(certificate)) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "y_c is empty but the client sent no KEA certificate");
            }
            if (!YSignature.isEmpty(keys.ySignature())) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "y_signature must be empty when y_c is");
            }
            KeaPublicKeys.KeaPublicKey certified = KeaPublicKeys.read(certificate);
            if (!certified.domain().sameAs(domain)) {
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                        "the client's KEA certificate is in another domain than the server's");
            }
            return certified.y();
        }
        BigInteger yC = PublicValues.decode(keys.yC());
        if (!domain.isValidPublicValue(yC)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "y_c fails 1 < Y < p, Y^q = 1 mod p");
        }
        if (certificate == null) {
            if (!YSignature.isEmpty(keys.ySignature())) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "y_signature without a client certificate to verify it");
            }
            return yC;
        }
        if (KeaPublicKeys.isKea(certificate)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "y_c must be empty when the client's certificate carries its KEA key");
        }
        if (!(certificate.getPublicKey() instanceof DSAPublicKey dss)) {
            throw new SslAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "y_signature needs a DSS client certificate");
        }
        if (!YSignature.verify(dss, keys.yC(), keys.ySignature())) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE,
                    "y_signature does not verify with the client's certificate");
        }
        return yC;
    }

    @Override
    public BulkKeys bulkKeys() {
        return bulkKeys;
    }
}
