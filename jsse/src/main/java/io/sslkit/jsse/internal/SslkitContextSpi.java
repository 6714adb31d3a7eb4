package io.sslkit.jsse.internal;

import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * The SSLContext behind every algorithm the provider registers: key and trust managers from the application,
 * a client and a server session context, and the engines, sockets and factories built on them.
 */
public final class SslkitContextSpi extends SSLContextSpi {
    private final ContextFlavor flavor;
    private final SessionContextImpl clientSessions = new SessionContextImpl();
    private final SessionContextImpl serverSessions = new SessionContextImpl();
    private volatile X509KeyManager keyManager;
    private volatile X509TrustManager trustManager;
    private volatile SecureRandom random;
    private volatile boolean initialized;

    public SslkitContextSpi(ContextFlavor flavor) throws NoSuchAlgorithmException {
        this.flavor = flavor;
        if (flavor == ContextFlavor.DEFAULT) {
            try {
                init(null, null, null);
            } catch (KeyManagementException e) {
                throw new NoSuchAlgorithmException("the JDK's default trust store cannot be loaded", e);
            }
        }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        if (flavor == ContextFlavor.DEFAULT) {
            throw new KeyManagementException("the Default SSLContext is initialised by the provider");
        }
        init(km, tm, sr);
    }

    private void init(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        keyManager = first(km, X509KeyManager.class);
        trustManager = tm == null ? defaultTrustManager() : first(tm, X509TrustManager.class);
        random = sr != null ? sr : new SecureRandom();
        initialized = true;
    }

    private static <T> T first(Object[] managers, Class<T> type) {
        if (managers != null) {
            for (Object m : managers) {
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
            }
        }
        return null;
    }

    /** JSSE's rule for a null TrustManager array: the default factory over the JDK's default trust store. */
    private static X509TrustManager defaultTrustManager() throws KeyManagementException {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            return first(f.getTrustManagers(), X509TrustManager.class);
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new KeyManagementException("no default trust manager", e);
        }
    }

    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("SSLContext is not initialized: call init first");
        }
    }

    ContextFlavor flavor() {
        return flavor;
    }

    X509KeyManager keyManager() {
        return keyManager;
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    SecureRandom random() {
        return random;
    }

    SessionContextImpl sessions(boolean client) {
        return client ? clientSessions : serverSessions;
    }

    Settings newSettings() {
        return new Settings(flavor);
    }

    SslkitEngine newEngine(String host, int port, Settings settings) {
        requireInitialized();
        return new SslkitEngine(this, host, port, settings);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return newEngine(null, -1, newSettings());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return newEngine(host, port, newSettings());
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        requireInitialized();
        return new SslkitSocketFactory(this);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        requireInitialized();
        return new SslkitServerSocketFactory(this);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return serverSessions;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return clientSessions;
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return newSettings().toParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters(Suites.supported(), Settings.supportedProtocols());
    }
}
