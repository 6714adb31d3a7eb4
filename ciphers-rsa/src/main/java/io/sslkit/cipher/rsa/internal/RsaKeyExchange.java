package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;

/** RSA key transport (RFC 6101 §5.6.7.1, RFC 5246 §7.4.7.1): no ServerKeyExchange, the certificate key encrypts. */
public final class RsaKeyExchange implements KeyExchange {
    @Override
    public String name() {
        return "RSA";
    }

    @Override
    public String serverKeyAlgorithm() {
        return "RSA";
    }

    @Override
    public boolean exportable() {
        return false;
    }

    @Override
    public Server newServer(KeyExchangeContext context) {
        return new RsaServer(context, null);
    }

    @Override
    public Client newClient(KeyExchangeContext context) {
        return new RsaClient(context, false);
    }
}
