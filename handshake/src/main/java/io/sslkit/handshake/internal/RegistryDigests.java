package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Digests} of one handshake. A handshake hashes with the same two or three digests a dozen times (Finished,
 * CertificateVerify, SSL 3.0's key derivation), so each is looked up in the registry once and one instance of it is
 * reused, reset before each hash. The module found first stays in use for the whole handshake, even if it leaves
 * the registry meanwhile. Not thread-safe: one per handshake.
 */
final class RegistryDigests implements Digests {
    private final AlgorithmRegistry registry;
    /** Made on first use: a handshaker that an established connection keeps (see Handshaker) never hashes. */
    private Map<String, Digest> found;
    private Map<String, DigestInstance> working;

    RegistryDigests(AlgorithmRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Digest get(String name) throws SslAlertException {
        if (found == null) {
            found = new HashMap<>(4);
        }
        Digest d = found.get(name);
        if (d == null) {
            d = registry.digest(name).orElseThrow(() -> new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "the handshake needs digest " + name + ", which no module supplies"));
            found.put(name, d);
        }
        return d;
    }

    @Override
    public byte[] hash(String name, byte[]... parts) throws SslAlertException {
        if (working == null) {
            working = new HashMap<>(4);
        }
        DigestInstance d = working.get(name);
        if (d == null) {
            d = get(name).newInstance();
            working.put(name, d);
        } else {
            // an earlier hash that failed half-way must not leak its input into this one
            d.reset();
        }
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }
}
