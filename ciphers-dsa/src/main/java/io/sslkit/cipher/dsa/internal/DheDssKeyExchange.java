package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;

/** DHE_DSS: ephemeral Diffie-Hellman in RFC 7919's ffdhe2048, parameters signed with the server's DSA key. */
public final class DheDssKeyExchange implements KeyExchange {
    @Override
    public String name() {
        return "DHE_DSS";
    }

    @Override
    public String serverKeyAlgorithm() {
        return "DSA";
    }

    @Override
    public boolean exportable() {
        return false;
    }

    @Override
    public Server newServer(KeyExchangeContext context) {
        return new DheServer(context, DhGroup.FFDHE2048);
    }

    @Override
    public Client newClient(KeyExchangeContext context) {
        return new DheClient(context, false);
    }
}
