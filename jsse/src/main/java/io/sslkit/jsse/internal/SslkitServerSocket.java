package io.sslkit.jsse.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * javax.net.ssl.SSLServerSocket: a plain server socket whose accepted connections are wrapped in
 * {@link SslkitSocket}s in server mode, each with a copy of the settings made here.
 */
final class SslkitServerSocket extends SSLServerSocket {
    private final SslkitContextSpi context;
    private final Settings settings;

    SslkitServerSocket(SslkitContextSpi context) throws IOException {
        super();
        this.context = context;
        this.settings = serverSettings(context);
    }

    SslkitServerSocket(SslkitContextSpi context, int port, int backlog, InetAddress address) throws IOException {
        super(port, backlog, address);
        this.context = context;
        this.settings = serverSettings(context);
    }

    private static Settings serverSettings(SslkitContextSpi context) {
        Settings s = context.newSettings();
        s.setClientMode(false);
        return s;
    }

    @Override
    public Socket accept() throws IOException {
        Socket plain = super.accept();
        Settings copy;
        boolean client;
        synchronized (settings) {
            copy = settings.copy();
            client = settings.clientMode();
        }
        try {
            return new SslkitSocket(context, plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true, copy,
                    client);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (settings) {
            return settings.enabledSuites();
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (settings) {
            settings.setEnabledSuites(suites);
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return Suites.supported();
    }

    @Override
    public String[] getSupportedProtocols() {
        return Settings.supportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (settings) {
            return settings.enabledProtocols();
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (settings) {
            settings.setEnabledProtocols(protocols);
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (settings) {
            settings.setNeedClientAuth(need);
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (settings) {
            return settings.needClientAuth();
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (settings) {
            settings.setWantClientAuth(want);
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (settings) {
            return settings.wantClientAuth();
        }
    }

    @Override
    public void setUseClientMode(boolean mode) {
        synchronized (settings) {
            settings.setClientMode(mode);
        }
    }

    @Override
    public boolean getUseClientMode() {
        synchronized (settings) {
            return settings.clientMode();
        }
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        synchronized (settings) {
            settings.setEnableSessionCreation(flag);
        }
    }

    @Override
    public boolean getEnableSessionCreation() {
        synchronized (settings) {
            return settings.enableSessionCreation();
        }
    }

    @Override
    public SSLParameters getSSLParameters() {
        synchronized (settings) {
            return settings.toParameters();
        }
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        synchronized (settings) {
            settings.apply(params);
        }
    }

    @Override
    public String toString() {
        return "SslkitServerSocket[" + getLocalSocketAddress() + "]";
    }
}
