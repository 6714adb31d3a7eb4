package io.sslkit.jsse;

import io.sslkit.jsse.internal.ContextFlavor;
import io.sslkit.jsse.internal.SslkitContextSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * The JSSE provider {@value #NAME}: {@code SSLContext} for SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLS and Default, whose
 * engines and sockets run sslkit's handshake and offer the suites the {@link io.sslkit.api.AlgorithmRegistry} makes
 * complete at the moment each connection starts.
 *
 * <p>Use it directly, {@code SSLContext.getInstance("TLS", new SslkitProvider())}, or register it with
 * {@link java.security.Security#addProvider}. On the module path it is a {@code java.security.Provider} service;
 * inside OSGi, SPI Fly registers it as one.
 *
 * <p>Policy: {@code TLS}, {@code TLSv1.2} and {@code Default} follow sslkit's default policy (TLS 1.2, no RC4,
 * export, NULL or single-DES suites); {@code TLSv1}, {@code TLSv1.1} (TLS 1.0 and 1.1) and {@code SSLv3} enable
 * that version under the legacy policy. Whatever the context, an engine or socket whose application enables an older
 * version or a legacy suite by name (setEnabledProtocols, setEnabledCipherSuites, SSLParameters) runs under the
 * legacy policy: naming it is the explicit choice the policy asks for.
 */
public final class SslkitProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider name applications ask for. */
    public static final String NAME = "SSLKIT";

    public SslkitProvider() {
        super(NAME, "0.1", "sslkit: SSL 3.0 and TLS 1.0-1.2 from modular algorithms");
        for (ContextFlavor flavor : ContextFlavor.values()) {
            putService(new ContextService(this, flavor));
        }
    }

    /**
     * Builds the SPI directly instead of by reflection, so the implementation package stays closed on the module
     * path and private inside an OSGi bundle.
     */
    private static final class ContextService extends Service {
        private final ContextFlavor flavor;

        ContextService(Provider provider, ContextFlavor flavor) {
            super(provider, "SSLContext", flavor.algorithm(), SslkitContextSpi.class.getName(), aliases(flavor),
                    Map.of());
            this.flavor = flavor;
        }

        private static List<String> aliases(ContextFlavor flavor) {
            return flavor == ContextFlavor.SSL_3_0 ? List.of("SSL") : null;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            return new SslkitContextSpi(flavor);
        }
    }
}
