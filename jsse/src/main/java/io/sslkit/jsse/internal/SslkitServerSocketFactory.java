package io.sslkit.jsse.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Server sockets of one SSLKIT context. */
final class SslkitServerSocketFactory extends SSLServerSocketFactory {
    /** ServerSocket's own default backlog. */
    private static final int DEFAULT_BACKLOG = 50;

    private final SslkitContextSpi context;

    SslkitServerSocketFactory(SslkitContextSpi context) {
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return context.newSettings().enabledSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return Suites.supported();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new SslkitServerSocket(context);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new SslkitServerSocket(context, port, DEFAULT_BACKLOG, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new SslkitServerSocket(context, port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new SslkitServerSocket(context, port, backlog, address);
    }
}
