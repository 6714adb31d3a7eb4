package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;
import io.sslkit.api.spi.WireReader;
import java.math.BigInteger;

/** The server's half of DHE_DSS: a fresh key in a fixed group per handshake, signed with the certificate key. */
final class DheServer implements KeyExchange.Server {
    private final KeyExchangeContext context;
    private final DhGroup group;
    private DiffieHellman dh;

    DheServer(KeyExchangeContext context, DhGroup group) {
        this.context = context;
        this.group = group;
    }

    @Override
    public byte[] serverKeyExchange() throws SslAlertException {
        dh = new DiffieHellman(group.p(), group.g(), context.random());
        byte[] params = ServerDhParams.of(group.p(), group.g(), dh.publicValue()).encoded();
        return Vectors.concat(params, context.signParameters(params));
    }

    /** ClientDiffieHellmanPublic with the explicit dh_Yc (RFC 5246 §7.4.7.2); fixed-DH client keys are not offered. */
    @Override
    public byte[] processClientKeyExchange(byte[] body) throws SslAlertException {
        if (dh == null) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "ClientKeyExchange processed before ServerKeyExchange was sent");
        }
        if (body == null) {
            throw WireReader.decodeError(context.version(), "ClientKeyExchange missing");
        }
        WireReader reader = new WireReader(body, context.version());
        BigInteger yc = new BigInteger(1, reader.readVector16("dh_Yc", 1));
        reader.expectEnd("ClientKeyExchange");
        if (!DiffieHellman.isValidPublicValue(yc, group.p())) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "dh_Yc out of range (1, p-1)");
        }
        return dh.agree(yc);
    }
}
