package io.sslkit.jsse.internal;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.util.List;

/**
 * The SSLContext algorithms the provider registers. Each names the versions its engines enable until the
 * application says otherwise, and the sslkit policy those versions need: the default policy allows TLS 1.2 only, so
 * a context asked for an older version runs under the legacy policy.
 */
public enum ContextFlavor {
    SSL_3_0("SSLv3", List.of(ProtocolVersion.SSL_3_0)),
    TLS_1_0("TLSv1", List.of(ProtocolVersion.TLS_1_0)),
    TLS_1_1("TLSv1.1", List.of(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_1)),
    TLS_1_2("TLSv1.2", List.of(ProtocolVersion.TLS_1_2)),
    TLS("TLS", List.of(ProtocolVersion.TLS_1_2)),
    /** Initialised by the provider itself: the JDK's default trust store, no key material. */
    DEFAULT("Default", List.of(ProtocolVersion.TLS_1_2));

    private final String algorithm;
    private final List<ProtocolVersion> protocols;

    ContextFlavor(String algorithm, List<ProtocolVersion> protocols) {
        this.algorithm = algorithm;
        this.protocols = protocols;
    }

    /** The name passed to {@code SSLContext.getInstance}. */
    public String algorithm() {
        return algorithm;
    }

    /** The versions enabled by default, lowest first. */
    public List<ProtocolVersion> defaultProtocols() {
        return protocols;
    }

    /** The policy the default versions need. */
    public Policy policy() {
        return protocols.stream().allMatch(Policy.DEFAULT::allows) ? Policy.DEFAULT : Policy.LEGACY;
    }
}
