package io.sslkit.handshake.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;

/**
 * Where the handshake gets its hash functions: from the digest modules in the registry, like everything else, so
 * a handshake needs the MD5 and SHA modules even for a suite whose MAC uses neither.
 */
@FunctionalInterface
interface Digests {
    Digest get(String name) throws SslAlertException;

    /** The digests of one handshake: looked up once per name, with one reused instance each for {@link #hash}. */
    static Digests of(AlgorithmRegistry registry) {
        return new RegistryDigests(registry);
    }

    default byte[] hash(String name, byte[]... parts) throws SslAlertException {
        DigestInstance d = get(name).newInstance();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }
}
