package io.sslkit.record.testing;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLSession;

/**
 * A real SunJSSE session between two engines in this JVM, with an anonymous Diffie-Hellman suite (no certificates
 * needed), whose wire bytes are recorded and whose keys are derived from the master secret that JSSE computed. The
 * record layer can then be checked against records JSSE really wrote and read. Tests only: it reads the master
 * secret through a JDK-internal method, which needs {@code --add-opens java.base/sun.security.ssl=ALL-UNNAMED}.
 */
public final class JsseSession {
    public final SSLEngine client;
    public final SSLEngine server;
    /** Every byte the client has written so far, and the server. */
    public final ByteArrayOutputStream clientWire = new ByteArrayOutputStream();
    public final ByteArrayOutputStream serverWire = new ByteArrayOutputStream();
    private final ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer clientApp = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer serverApp = ByteBuffer.allocate(1 << 17);

    static {
        // Re-enable SSLv3, anonymous suites and the old ciphers before JSSE is first touched (PEERS.md).
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
    }

    public JsseSession(String protocol, String suite) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        client = ctx.createSSLEngine();
        server = ctx.createSSLEngine();
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        for (SSLEngine e : new SSLEngine[] {client, server}) {
            e.setEnabledProtocols(new String[] {protocol});
            e.setEnabledCipherSuites(new String[] {suite});
        }
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 100 && !(done(client) && done(server)); i++) {
            pump(ByteBuffer.allocate(0), ByteBuffer.allocate(0));
        }
        if (!done(client) || !done(server)) {
            throw new IllegalStateException("JSSE handshake did not finish");
        }
        if (!suite.equals(client.getSession().getCipherSuite())
                || !protocol.equals(client.getSession().getProtocol())) {
            throw new IllegalStateException("JSSE negotiated " + client.getSession().getProtocol() + " "
                    + client.getSession().getCipherSuite());
        }
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** One round: each side wraps (from {@code fromClient} / {@code fromServer}) and unwraps what the other sent. */
    public void pump(ByteBuffer fromClient, ByteBuffer fromServer) throws Exception {
        wrap(client, fromClient, c2s, clientWire);
        wrap(server, fromServer, s2c, serverWire);
        unwrap(server, c2s, serverApp);
        unwrap(client, s2c, clientApp);
    }

    private static void wrap(SSLEngine e, ByteBuffer src, ByteBuffer net, ByteArrayOutputStream wire)
            throws Exception {
        int before = net.position();
        do {
            e.wrap(src, net);
            runTasks(e);
        } while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
        wire.write(net.array(), before, net.position() - before);
    }

    private static void unwrap(SSLEngine e, ByteBuffer net, ByteBuffer app) throws Exception {
        net.flip();
        while (net.hasRemaining()) {
            int before = net.remaining();
            e.unwrap(net, app);
            runTasks(e);
            if (net.remaining() == before) {
                break;
            }
        }
        net.compact();
    }

    private static void runTasks(SSLEngine e) {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
    }

    /** Hands wire bytes that did not come from the server engine to the client engine, as if they had. */
    public void deliverToClient(byte[] wire) throws Exception {
        s2c.put(wire);
        unwrap(client, s2c, clientApp);
    }

    /** Plaintext the client engine has received so far (consumed). */
    public byte[] takeClientApp() {
        clientApp.flip();
        byte[] b = new byte[clientApp.remaining()];
        clientApp.get(b);
        clientApp.clear();
        return b;
    }

    /** Plaintext the server engine has received so far (consumed). */
    public byte[] takeServerApp() {
        serverApp.flip();
        byte[] b = new byte[serverApp.remaining()];
        serverApp.get(b);
        serverApp.clear();
        return b;
    }

    public byte[] masterSecret() throws Exception {
        SSLSession s = client.getSession();
        Method m = s.getClass().getDeclaredMethod("getMasterSecret");
        m.setAccessible(true);
        return ((SecretKey) m.invoke(s)).getEncoded();
    }

    /** ClientHello.random: the first record holds the ClientHello; 5 bytes header, 4 handshake header, 2 version. */
    public byte[] clientRandom() {
        return Arrays.copyOfRange(clientWire.toByteArray(), 11, 43);
    }

    /** ServerHello.random, likewise from the server's first record. */
    public byte[] serverRandom() {
        return Arrays.copyOfRange(serverWire.toByteArray(), 11, 43);
    }

    /**
     * The key_block: RFC 6101 §6.2.2 for SSL 3.0, the PRF of RFC 2246 §5 (TLS 1.0/1.1) or RFC 5246 §5 (TLS 1.2,
     * SHA-256) with "key expansion" and server_random + client_random.
     */
    public byte[] keyBlock(int length) throws Exception {
        byte[] master = masterSecret();
        byte[] seed = concat(serverRandom(), clientRandom());
        String protocol = client.getSession().getProtocol();
        if (protocol.equals("SSLv3")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            for (int i = 0; out.size() < length; i++) {
                byte[] label = new byte[i + 1];
                Arrays.fill(label, (byte) ('A' + i));
                sha.update(label);
                sha.update(master);
                sha.update(seed);
                md5.update(master);
                md5.update(sha.digest());
                out.writeBytes(md5.digest());
            }
            return Arrays.copyOf(out.toByteArray(), length);
        }
        byte[] labelSeed = concat("key expansion".getBytes(StandardCharsets.US_ASCII), seed);
        if (protocol.equals("TLSv1.2")) {
            return pHash("HmacSHA256", master, labelSeed, length);
        }
        int half = (master.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(master, 0, half);
        byte[] s2 = Arrays.copyOfRange(master, master.length - half, master.length);
        byte[] a = pHash("HmacMD5", s1, labelSeed, length);
        byte[] b = pHash("HmacSHA1", s2, labelSeed, length);
        for (int i = 0; i < length; i++) {
            a[i] ^= b[i];
        }
        return a;
    }

    /** P_hash of RFC 2246 §5. */
    private static byte[] pHash(String hmac, byte[] secret, byte[] seed, int length) throws Exception {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(secret, hmac));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = seed;
        while (out.size() < length) {
            a = mac.doFinal(a);
            mac.update(a);
            mac.update(seed);
            out.writeBytes(mac.doFinal());
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
