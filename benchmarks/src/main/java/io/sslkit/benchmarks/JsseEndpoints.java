package io.sslkit.benchmarks;

import io.sslkit.jsse.SslkitProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * SunJSSE, BCJSSE or sslkit's JSSE provider configured as an application would: key and trust managers of the
 * provider itself (the JDK's for sslkit's, which has none of its own), the server holding the benchmark key, the
 * client trusting the benchmark CA, one protocol and one suite enabled.
 */
final class JsseEndpoints implements Endpoints {
    /**
     * BCJSSE logs every connection at INFO through java.util.logging; at this rate that is console I/O measured as
     * handshake time. JUL holds loggers weakly, hence the field.
     */
    private static final Logger BC_LOG = Logger.getLogger("org.bouncycastle.jsse");

    static {
        LegacyJsse.enable();
        BC_LOG.setLevel(Level.WARNING);
    }

    /** BCJSSE with its default crypto, which takes the primitives from the JCA providers installed (SunJCE...). */
    private static final Provider BCJSSE = new BouncyCastleJsseProvider();

    /** sslkit behind the JSSE API; not installed in java.security, as a library user would hand it over. */
    private static final Provider SSLKIT = new SslkitProvider();

    private final Scenario scenario;
    private final SSLContext clientContext;
    private final SSLContext serverContext;

    private JsseEndpoints(Scenario scenario, SSLContext clientContext, SSLContext serverContext) {
        this.scenario = scenario;
        this.clientContext = clientContext;
        this.serverContext = serverContext;
    }

    static JsseEndpoints sunJsse(Scenario scenario) throws Exception {
        return new JsseEndpoints(scenario,
                context(SSLContext.getInstance("TLS", "SunJSSE"), null,
                        TrustManagerFactory.getInstance("PKIX", "SunJSSE")),
                context(SSLContext.getInstance("TLS", "SunJSSE"), KeyManagerFactory.getInstance("SunX509", "SunJSSE"),
                        TrustManagerFactory.getInstance("PKIX", "SunJSSE")));
    }

    static JsseEndpoints bcJsse(Scenario scenario) throws Exception {
        return new JsseEndpoints(scenario,
                context(SSLContext.getInstance("TLS", BCJSSE), null, TrustManagerFactory.getInstance("PKIX", BCJSSE)),
                context(SSLContext.getInstance("TLS", BCJSSE), KeyManagerFactory.getInstance("PKIX", BCJSSE),
                        TrustManagerFactory.getInstance("PKIX", BCJSSE)));
    }

    /**
     * sslkit's JSSE provider with the JDK's own key and trust managers, as an application that swaps only the
     * provider gets it: the difference to {@link Stack#SSLKIT} is the cost of the JSSE layer.
     */
    static JsseEndpoints sslkitJsse(Scenario scenario) throws Exception {
        return new JsseEndpoints(scenario,
                context(SSLContext.getInstance("TLS", SSLKIT), null,
                        TrustManagerFactory.getInstance("PKIX", "SunJSSE")),
                context(SSLContext.getInstance("TLS", SSLKIT), KeyManagerFactory.getInstance("SunX509", "SunJSSE"),
                        TrustManagerFactory.getInstance("PKIX", "SunJSSE")));
    }

    private static SSLContext context(SSLContext ctx, KeyManagerFactory kmf, TrustManagerFactory tmf)
            throws Exception {
        Pki pki = Pki.get();
        char[] password = "benchmark".toCharArray();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.ca);
        tmf.init(trust);
        if (kmf != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", pki.serverKey, password, pki.serverChain);
            kmf.init(keys, password);
        }
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    @Override
    public Pair newPair(boolean resumable) {
        SSLEngine client = resumable ? clientContext.createSSLEngine("localhost", 443)
                : clientContext.createSSLEngine();
        client.setUseClientMode(true);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        for (SSLEngine e : new SSLEngine[] {client, server}) {
            e.setEnabledProtocols(new String[] {scenario.protocol()});
            e.setEnabledCipherSuites(new String[] {scenario.suite()});
        }
        return new JssePair(client, server);
    }
}
