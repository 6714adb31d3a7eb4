package io.sslkit.jsse.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * javax.net.ssl.SSLSocket layered over a connected plain socket and driven by an {@link SslkitEngine}: the blocking
 * loop of wrap, write, read and unwrap. One thread may read while another writes; the handshake runs once, in
 * whichever of them (or startHandshake) comes first.
 *
 * <p>Socket options and addresses are those of the plain socket. Unconnected SSL sockets are not offered (the
 * factory's createSocket() throws, as javax.net.SocketFactory allows), so HttpsURLConnection connects a plain
 * socket and layers this one over it.
 */
final class SslkitSocket extends SSLSocket {
    private static final Logger LOG = LoggerFactory.getLogger(SslkitSocket.class);

    private final Socket transport;
    private final boolean autoClose;
    private final SslkitEngine engine;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final Object handshakeLock = new Object();
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final ByteBuffer netIn;
    private final ByteBuffer appIn;
    private final InputStream in = new In();
    private final OutputStream out = new Out();
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    private volatile IOException failure;
    private volatile BiFunction<SSLSocket, List<String>, String> applicationProtocolSelector;

    /** {@code host} and {@code port} name the peer for the session cache and endpoint identification. */
    SslkitSocket(SslkitContextSpi context, Socket transport, String host, int port, boolean autoClose,
                 Settings settings, boolean clientMode) throws IOException {
        this.transport = transport;
        this.autoClose = autoClose;
        this.engine = context.newEngine(host, port, settings);
        this.engine.setUseClientMode(clientMode);
        this.engine.bindSocket(this);
        this.rawIn = transport.getInputStream();
        this.rawOut = transport.getOutputStream();
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    // ---- the engine loop --------------------------------------------------------------------------------------

    @Override
    public void startHandshake() throws IOException {
        checkUsable();
        synchronized (handshakeLock) {
            if (handshakeDone) {
                return;
            }
            try {
                engine.beginHandshake();
                boolean open = true;
                while (open) {
                    SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                    if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        flush();
                    } else if (hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                        open = readRecord();
                    } else {
                        break;
                    }
                }
                if (!engine.getSession().isValid()) {
                    throw new EOFException("the connection ended before the handshake completed");
                }
            } catch (IOException e) {
                throw failed(e);
            }
            handshakeDone = true;
        }
        // on the thread that ran the handshake, before any application data is returned to it
        HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, engine.getSession());
        for (HandshakeCompletedListener l : listeners) {
            try {
                l.handshakeCompleted(event);
            } catch (RuntimeException e) {
                LOG.warn("HandshakeCompletedListener failed", e);
            }
        }
    }

    private void checkUsable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new SocketException("socket is closed");
        }
    }

    /**
     * After a failure the alert the engine queued goes out before the exception does. A read timeout is no failure:
     * the connection stays usable, as SO_TIMEOUT promises.
     */
    private IOException failed(IOException e) {
        if (e instanceof java.net.SocketTimeoutException) {
            return e;
        }
        if (failure == null) {
            failure = e;
        }
        try {
            flush();
        } catch (IOException ignored) {
            // the peer may be gone; the original failure is what matters
        }
        return e;
    }

    /** Sends whatever the engine has to send now. */
    private void flush() throws IOException {
        synchronized (writeLock) {
            ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            while (true) {
                net.clear();
                SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), net);
                if (r.bytesProduced() == 0) {
                    return;
                }
                rawOut.write(net.array(), 0, net.position());
                rawOut.flush();
            }
        }
    }

    /**
     * Unwraps one record into {@link #appIn}, reading from the transport as needed.
     *
     * @return false when the inbound side is done (close_notify, failure or end of stream)
     */
    private boolean readRecord() throws IOException {
        synchronized (readLock) {
            while (true) {
                appIn.compact();
                SSLEngineResult r;
                try {
                    r = engine.unwrap(netIn, appIn);
                } finally {
                    appIn.flip();
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    flush();
                }
                switch (r.getStatus()) {
                    case OK:
                        return true;
                    case CLOSED:
                        return false;
                    case BUFFER_UNDERFLOW:
                        if (!fill()) {
                            return false;
                        }
                        break;
                    default:
                        throw new SSLException("unexpected " + r.getStatus() + " with a full-size buffer");
                }
            }
        }
    }

    /** Reads more wire bytes; at the end of the stream the engine learns it (a truncation, unless closed). */
    private boolean fill() throws IOException {
        netIn.compact();
        int n;
        try {
            n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        } finally {
            netIn.flip();
        }
        if (n < 0) {
            try {
                engine.closeInbound();
            } catch (SSLException truncation) {
                LOG.debug("{}", truncation.getMessage());
            }
            return false;
        }
        netIn.limit(netIn.limit() + n);
        return true;
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            startHandshake();
            if (len == 0) {
                return 0;
            }
            synchronized (readLock) {
                while (!appIn.hasRemaining()) {
                    checkUsable();
                    try {
                        if (!readRecord() && !appIn.hasRemaining()) {
                            return -1;
                        }
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }
                int n = Math.min(len, appIn.remaining());
                appIn.get(b, off, n);
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (readLock) {
                return appIn.remaining();
            }
        }

        @Override
        public void close() throws IOException {
            SslkitSocket.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            startHandshake();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            synchronized (writeLock) {
                ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                while (src.hasRemaining()) {
                    checkUsable();
                    net.clear();
                    SSLEngineResult r;
                    try {
                        r = engine.wrap(src, net);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SocketException("the connection is closed for writing");
                    }
                    rawOut.write(net.array(), 0, net.position());
                }
                rawOut.flush();
            }
        }

        @Override
        public void close() throws IOException {
            SslkitSocket.this.close();
        }
    }

    // ---- closing ----------------------------------------------------------------------------------------------

    /** Sends close_notify, then closes the plain socket when this socket owns it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            engine.closeOutbound();
            if (!transport.isClosed() && !transport.isOutputShutdown()) {
                flush();
            }
        } catch (IOException e) {
            LOG.debug("close_notify not delivered: {}", e.getMessage());
        } finally {
            if (autoClose) {
                transport.close();
            }
        }
    }

    /** TLS 1.2 has no half-close: this sends close_notify, after which the peer answers with its own. */
    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        flush();
    }

    @Override
    public void shutdownInput() throws IOException {
        engine.closeInbound();
    }

    @Override
    public boolean isOutputShutdown() {
        return engine.isOutboundDone() || transport.isOutputShutdown();
    }

    @Override
    public boolean isInputShutdown() {
        return engine.isInboundDone() || transport.isInputShutdown();
    }

    @Override
    public boolean isClosed() {
        return closed || transport.isClosed();
    }

    // ---- streams, session, settings ---------------------------------------------------------------------------

    @Override
    public InputStream getInputStream() throws IOException {
        checkUsable();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkUsable();
        return out;
    }

    /** As JSSE: runs the handshake if needed; after a failure the invalid null session. */
    @Override
    public SSLSession getSession() {
        try {
            startHandshake();
        } catch (IOException e) {
            LOG.debug("handshake failed: {}", e.getMessage());
        }
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("listener not registered");
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        engine.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    /** Kept for the getter's sake: sslkit negotiates no ALPN, so the selector is never asked. */
    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        applicationProtocolSelector = selector;
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    // ---- the plain socket's properties ------------------------------------------------------------------------

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("already connected: this socket is layered over a connected one");
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("already bound: this socket is layered over a connected one");
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public boolean isBound() {
        return transport.isBound();
    }

    @Override
    public InetAddress getInetAddress() {
        return transport.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return transport.getLocalAddress();
    }

    @Override
    public int getPort() {
        return transport.getPort();
    }

    @Override
    public int getLocalPort() {
        return transport.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return transport.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return transport.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        transport.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return transport.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        transport.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return transport.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent data would bypass the record layer");
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        throw new SocketException("urgent data would bypass the record layer");
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return false;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        transport.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return transport.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        transport.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return transport.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        transport.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return transport.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        transport.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return transport.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        transport.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return transport.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        transport.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return transport.getReuseAddress();
    }

    @Override
    public String toString() {
        return "SslkitSocket[" + engine.getSession() + ", " + transport + "]";
    }
}
