package io.sslkit.cipher.rsa.internal;

import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;

/**
 * RSA_EXPORT (RFC 6101 §5.6.3, RFC 2246 §7.4.3): a certificate key over 512 bits may only sign; a 512-bit temporary
 * key, sent signed in ServerKeyExchange, carries the pre_master_secret.
 */
public final class RsaExportKeyExchange implements KeyExchange {
    /** One cache per provider instance: the registry holds one instance per module (bundle). */
    private final TemporaryRsaKeyCache temporaryKeys;

    public RsaExportKeyExchange() {
        this(new TemporaryRsaKeyCache());
    }

    RsaExportKeyExchange(TemporaryRsaKeyCache temporaryKeys) {
        this.temporaryKeys = temporaryKeys;
    }

    @Override
    public String name() {
        return "RSA_EXPORT";
    }

    @Override
    public String serverKeyAlgorithm() {
        return "RSA";
    }

    @Override
    public boolean exportable() {
        return true;
    }

    @Override
    public Server newServer(KeyExchangeContext context) {
        return new RsaServer(context, temporaryKeys);
    }

    @Override
    public Client newClient(KeyExchangeContext context) {
        return new RsaClient(context, true);
    }
}
