package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.KeyExchangeContext;

/**
 * FORTEZZA_KEA (RFC 6101 §5.6.3, §5.6.7, §6.2.2): KEA between the server's static key (in its certificate) plus a
 * per-handshake ephemeral r_s, and the client's static and ephemeral keys; the resulting TEK carries the
 * client-chosen SKIPJACK keys, IVs and pre_master_secret. SSL 3.0 only.
 */
public final class FortezzaKeaKeyExchange implements KeyExchange {
    static final String NAME = "FORTEZZA_KEA";
    /** The one bulk cipher whose keys travel in FortezzaKeys; any other takes its keys from the key_block. */
    static final String SKIPJACK_CBC = "SKIPJACK_CBC";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String serverKeyAlgorithm() {
        return "KEA";
    }

    @Override
    public boolean exportable() {
        return false;
    }

    @Override
    public Server newServer(KeyExchangeContext context) {
        return new FortezzaServer(context);
    }

    @Override
    public Client newClient(KeyExchangeContext context) {
        return new FortezzaClient(context);
    }

    /** The preconditions both halves share: SSL 3.0, and a handshake that says which bulk cipher it will key. */
    static boolean deliversBulkKeys(KeyExchangeContext context) throws SslAlertException {
        if (!context.version().isSsl3()) {
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "FORTEZZA_KEA exists only in SSL 3.0, not " + context.version());
        }
        String cipher = context.bulkCipherName();
        if (cipher == null) {
            // Guessing would key the record layer wrongly for one of the three suites; refuse instead.
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR,
                    "the handshake did not name the suite's bulk cipher to FORTEZZA_KEA");
        }
        return SKIPJACK_CBC.equals(cipher);
    }
}
