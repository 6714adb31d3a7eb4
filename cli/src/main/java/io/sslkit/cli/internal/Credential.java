package io.sslkit.cli.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain, leaf first. {@code source} says where it came from, for messages.
 */
public record Credential(PrivateKey key, List<X509Certificate> chain, String source) {
    public Credential {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least one certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** "RSA", "DSA"... the JCA algorithm of the key, which decides the suites this credential can serve. */
    public String algorithm() {
        return key.getAlgorithm();
    }

    public X509Certificate[] chainArray() {
        return chain.toArray(new X509Certificate[0]);
    }

    @Override
    public String toString() {
        // never the key: records print their components by default
        return "Credential[" + algorithm() + " " + leaf().getSubjectX500Principal().getName() + " from " + source + "]";
    }
}
