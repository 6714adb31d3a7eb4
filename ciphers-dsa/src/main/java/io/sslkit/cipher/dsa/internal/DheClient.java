package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import io.sslkit.api.spi.WireReader;
import java.math.BigInteger;

/** The client's half of DHE_DSS: checks the server's signed group and public value, answers with dh_Yc. */
final class DheClient implements KeyExchange.Client {
    /** The export exchange's limit on the prime (RFC 2246 §7.4.3, "DHE_DSS_EXPORT"). */
    static final int EXPORT_MAX_BITS = 512;

    /** Larger primes only cost the client time: no one needs more than 8192 bits (RFC 7919's largest group). */
    static final int MAX_BITS = 8192;

    private final KeyExchangeContext context;
    private final boolean exportable;
    private ServerDhParams params;
    private byte[] preMasterSecret;

    DheClient(KeyExchangeContext context, boolean exportable) {
        this.context = context;
        this.exportable = exportable;
    }

    @Override
    public void processServerKeyExchange(byte[] body) throws SslAlertException {
        if (body == null) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "DHE_DSS needs a ServerKeyExchange and none was sent");
        }
        WireReader reader = new WireReader(body, context.version());
        ServerDhParams received = ServerDhParams.read(body, reader);
        context.verifyParameters(received.encoded(), reader.rest());
        check(received);
        params = received;
    }

    private void check(ServerDhParams received) throws SslAlertException {
        BigInteger p = received.dhP();
        int bits = p.bitLength();
        if (bits > MAX_BITS || bits < 3 || !p.testBit(0)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "unusable dh_p of " + bits + " bits");
        }
        if (bits < context.minimumDhBits()) {
            // Logjam: a group below the policy minimum is refused whatever the signature says.
            throw new SslAlertException(context.version().isSsl3() ? AlertDescription.HANDSHAKE_FAILURE
                    : AlertDescription.INSUFFICIENT_SECURITY,
                    "dh_p of " + bits + " bits is below the policy minimum of " + context.minimumDhBits());
        }
        if (exportable && bits > EXPORT_MAX_BITS) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "DHE_DSS_EXPORT with a " + bits + "-bit prime; export allows 512");
        }
        if (!DiffieHellman.isValidPublicValue(received.dhG(), p)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "dh_g out of range (1, p-1)");
        }
        if (!DiffieHellman.isValidPublicValue(received.dhYs(), p)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "dh_Ys out of range (1, p-1)");
        }
    }

    @Override
    public byte[] clientKeyExchange() throws SslAlertException {
        if (params == null) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "ClientKeyExchange built before ServerKeyExchange was processed");
        }
        DiffieHellman dh = new DiffieHellman(params.dhP(), params.dhG(), context.random());
        byte[] secret = dh.agree(params.dhYs());
        if (secret.length == 1 && (secret[0] == 0 || secret[0] == 1)) {
            // Only a composite p or a small-order dh_Ys can give this; the secret would be public.
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "degenerate Diffie-Hellman result");
        }
        preMasterSecret = secret;
        return Vectors.vector16(DiffieHellman.unsigned(dh.publicValue()));
    }

    @Override
    public byte[] preMasterSecret() {
        if (preMasterSecret == null) {
            throw new IllegalStateException("no pre_master_secret before clientKeyExchange()");
        }
        return preMasterSecret.clone();
    }
}
