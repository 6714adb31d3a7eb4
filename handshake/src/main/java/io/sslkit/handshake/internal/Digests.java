package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.Digest;

/**
 * Where the handshake gets its hash functions: from the digest modules in the registry, like everything else, so
 * a handshake needs the MD5 and SHA modules even for a suite whose MAC uses neither.
 */
@FunctionalInterface
interface Digests {
    Digest get(String name) throws SslAlertException;

    static Digests of(AlgorithmRegistry registry) {
        return name -> registry.digest(name).orElseThrow(() -> new SslAlertException(
                AlertDescription.HANDSHAKE_FAILURE,
                "the handshake needs digest " + name + ", which no module supplies"));
    }

    default byte[] hash(String name, byte[]... parts) throws SslAlertException {
        io.sslkit.api.spi.DigestInstance d = get(name).newInstance();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }
}
