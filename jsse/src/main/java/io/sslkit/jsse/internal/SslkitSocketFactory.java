package io.sslkit.jsse.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Client sockets of one SSLKIT context. createSocket() without arguments is left to javax.net.SocketFactory, which
 * throws: every socket here is layered over a connected one.
 */
final class SslkitSocketFactory extends SSLSocketFactory {
    private final SslkitContextSpi context;

    SslkitSocketFactory(SslkitContextSpi context) {
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
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        if (!s.isConnected()) {
            throw new java.net.SocketException("the socket to layer over is not connected");
        }
        return new SslkitSocket(context, s, host, port, autoClose, context.newSettings(), true);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layer(new Socket(host, port), host);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return layer(new Socket(host, port, localHost, localPort), host);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return layer(new Socket(host, port), host.getHostName());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return layer(new Socket(address, port, localAddress, localPort), address.getHostName());
    }

    private Socket layer(Socket plain, String host) throws IOException {
        try {
            return new SslkitSocket(context, plain, host, plain.getPort(), true, context.newSettings(), true);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
