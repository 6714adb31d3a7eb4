package io.sslkit.handshake;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * SunJSSE as the peer nobody here wrote. SSL 3.0 and the legacy suites are re-enabled before JSSE is first used in
 * this JVM; extended_master_secret is switched off because JSSE resumes no session without it, and SSL 3.0 has none.
 * The surefire argLine does the same for the whole JVM; this initializer covers a test class run on its own.
 */
final class Jsse {
    static {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
        System.setProperty("jdk.tls.useExtendedMasterSecret", "false");
    }

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Jsse() {
    }

    /** A context with {@code identity} as its key (null: none) that trusts {@code anchor}. */
    static SSLContext context(TestPki.Identity identity, X509Certificate anchor) throws Exception {
        char[] pw = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("me", identity.key(), pw, identity.chain());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keys, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    static SSLServerSocket server(SSLContext ctx, String protocol, String suite) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, LOOPBACK);
        ss.setEnabledProtocols(new String[] {protocol});
        ss.setEnabledCipherSuites(new String[] {suite});
        return ss;
    }

    static SSLSocket client(SSLContext ctx, int port, String protocol, String suite) throws Exception {
        // created with host and port, so that JSSE may resume
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(LOOPBACK.getHostAddress(), port);
        s.setEnabledProtocols(new String[] {protocol});
        s.setEnabledCipherSuites(new String[] {suite});
        s.setSoTimeout(20_000);
        return s;
    }
}
