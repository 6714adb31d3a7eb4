package io.sslkit.interop;

import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * SunJSSE, the in-JVM peer. TLS 1.0/1.1 and the legacy suites (RC4, DES, NULL, export, DSA) are re-enabled here,
 * before JSSE is first used in this JVM: JSSE reads these properties once. Extended master secret stays at JSSE's
 * default (on).
 */
final class Jsse {
    static {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
    }

    private static final char[] PASSWORD = "interop".toCharArray();

    private Jsse() {
    }

    /** A context with {@code identity} as its key (null: none) that trusts {@code anchor}. */
    static SSLContext context(Pki.Identity identity, X509Certificate anchor) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("identity", identity.key(), PASSWORD, identity.chain());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        TrustManager[] tms = tmf.getTrustManagers();
        for (int i = 0; i < tms.length; i++) {
            if (tms[i] instanceof X509ExtendedTrustManager x) {
                tms[i] = new ExportAuthTypeTrustManager(x);
            }
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tms, null);
        return ctx;
    }

    /** A JSSE client socket restricted to one version and one suite, connected to our server. */
    static SSLSocket client(SSLContext ctx, int port, String protocol, String suite) throws Exception {
        // created with host and port, as JSSE resumes only such sockets
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(Ports.HOST, port);
        s.setEnabledProtocols(new String[] {protocol});
        s.setEnabledCipherSuites(new String[] {suite});
        s.setSoTimeout(20_000);
        return s;
    }
}
