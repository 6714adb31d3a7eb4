package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;

/** DHE_DSS_EXPORT: as DHE_DSS, in a 512-bit group (RFC 2246 §7.4.3). */
public final class DheDssExportKeyExchange implements KeyExchange {
    @Override
    public String name() {
        return "DHE_DSS_EXPORT";
    }

    @Override
    public String serverKeyAlgorithm() {
        return "DSA";
    }

    @Override
    public boolean exportable() {
        return true;
    }

    @Override
    public Server newServer(KeyExchangeContext context) {
        return new DheServer(context, DhGroup.EXPORT512);
    }

    @Override
    public Client newClient(KeyExchangeContext context) {
        return new DheClient(context, true);
    }
}
