package io.sslkit.api.spi;

import io.sslkit.api.SslAlertException;

/**
 * A key exchange: it owns the bodies of ServerKeyExchange and ClientKeyExchange and produces the
 * pre_master_secret. The handshake owns everything else (message framing, transcript, signatures over the
 * parameters through {@link KeyExchangeContext}).
 */
public interface KeyExchange {
    /** Name used in suite definitions: "RSA", "RSA_EXPORT", "DHE_DSS", "DHE_DSS_EXPORT", "FORTEZZA_KEA". */
    String name();

    /** JCA algorithm of the server certificate's key this exchange needs: "RSA", "DSA", "KEA". */
    String serverKeyAlgorithm();

    /** True for the export exchanges (512-bit temporary keys). */
    boolean exportable();

    Server newServer(KeyExchangeContext context);

    Client newClient(KeyExchangeContext context);

    /** The server's half, for one handshake. */
    interface Server {
        /** The ServerKeyExchange body, or null when this exchange sends none for the server's credential. */
        byte[] serverKeyExchange() throws SslAlertException;

        /**
         * Parses the ClientKeyExchange body and returns the pre_master_secret. An RSA exchange never fails here for
         * a bad padding or version: it returns a random secret instead (Bleichenbacher countermeasure).
         */
        byte[] processClientKeyExchange(byte[] body) throws SslAlertException;

        /** Keys the exchange delivered itself (Fortezza), valid after the ClientKeyExchange; null: use key_block. */
        default BulkKeys bulkKeys() {
            return null;
        }
    }

    /** The client's half, for one handshake. */
    interface Client {
        /**
         * Takes the ServerKeyExchange body, or null when the server sent none; throws (unexpected_message,
         * handshake_failure, illegal_parameter...) when that is wrong for this exchange or the parameters are bad.
         */
        void processServerKeyExchange(byte[] body) throws SslAlertException;

        /** Builds the ClientKeyExchange body; {@link #preMasterSecret()} is valid afterwards. */
        byte[] clientKeyExchange() throws SslAlertException;

        byte[] preMasterSecret();

        /** Keys the exchange delivered itself (Fortezza), valid after the ClientKeyExchange; null: use key_block. */
        default BulkKeys bulkKeys() {
            return null;
        }
    }
}
