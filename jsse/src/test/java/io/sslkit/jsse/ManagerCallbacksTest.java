package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;

/**
 * Key and trust managers are consulted when the handshake needs them, with what SunJSSE would tell them: the
 * client's SNI and the server's CA names; SNIMatchers apply; invalidating a session drops only that one.
 */
class ManagerCallbacksTest {
    private static final TestPki PKI = TestPki.get();

    /** Records what each choose call was given, then lets the real key manager choose. */
    static final class SpyKeyManager extends X509ExtendedKeyManager {
        final X509ExtendedKeyManager real;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        SpyKeyManager(TestPki.Identity id) throws Exception {
            this.real = (X509ExtendedKeyManager) TestPki.keyManagers(id)[0];
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            SSLSession hs = engine.getHandshakeSession();
            calls.add("server " + keyType + " " + ((ExtendedSSLSession) hs).getRequestedServerNames());
            return real.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            calls.add("client " + List.of(keyType) + " " + (issuers == null ? null : List.of(issuers)));
            return real.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return real.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return real.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return real.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return real.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return real.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return real.getPrivateKey(alias);
        }
    }

    static SSLContext sslkit(KeyManager km) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS", new SslkitProvider());
        c.init(new KeyManager[] {km}, PKI.trustManagers(), null);
        return c;
    }

    static SSLEngine sunClient(String host) throws Exception {
        SSLEngine e = PKI.sunJsse(null).createSSLEngine(host, 443);
        e.setUseClientMode(true);
        return e;
    }

    @Test
    void serverKeyManagerSeesTheClientsServerName() throws Exception {
        SpyKeyManager km = new SpyKeyManager(PKI.server);
        SSLEngine server = sslkit(km).createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = sunClient("www.example.org");
        new EnginePump(client, server).handshake();
        SNIHostName name = new SNIHostName("www.example.org");
        assertEquals(List.of(name), ((ExtendedSSLSession) server.getSession()).getRequestedServerNames());
        assertTrue(km.calls.contains("server RSA " + List.of(name)), km.calls::toString);
    }

    @Test
    void sniMatcherRefusalIsUnrecognizedName() throws Exception {
        SSLEngine server = PKI.sslkit("TLS", PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters p = server.getSSLParameters();
        p.setSNIMatchers(List.of(SNIHostName.createSNIMatcher("localhost")));
        server.setSSLParameters(p);
        SSLEngine client = sunClient("www.example.org");
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> new EnginePump(client, server).handshake());
        assertTrue(String.valueOf(e.getMessage()).contains("unrecognized_name")
                || String.valueOf(e.getCause()).contains("unrecognized_name"), e::toString);
    }

    @Test
    void clientKeyManagerGetsTheServersCaNames() throws Exception {
        SpyKeyManager km = new SpyKeyManager(PKI.client);
        SSLEngine client = sslkit(km).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sunJsse(PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        server.setNeedClientAuth(true);
        new EnginePump(client, server).handshake();
        assertEquals(PKI.client.chain()[0], server.getSession().getPeerCertificates()[0]);
        String ca = PKI.ca.chain()[0].getSubjectX500Principal().toString();
        assertTrue(km.calls.stream().anyMatch(c -> c.startsWith("client [RSA") && c.contains(ca)),
                km.calls::toString);
    }

    /** Our CertificateRequest names the trust manager's accepted issuers, which a SunJSSE client chooses by. */
    @Test
    void serverNamesItsTrustManagersIssuers() throws Exception {
        SpyKeyManager km = new SpyKeyManager(PKI.client);
        SSLContext sunCtx = SSLContext.getInstance("TLS", "SunJSSE");
        sunCtx.init(new KeyManager[] {km}, PKI.trustManagers(), null);
        SSLEngine client = sunCtx.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sslkit("TLS", PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        server.setNeedClientAuth(true);
        new EnginePump(client, server).handshake();
        String ca = PKI.ca.chain()[0].getSubjectX500Principal().toString();
        assertTrue(km.calls.stream().anyMatch(c -> c.contains(ca)), km.calls::toString);
        assertEquals(PKI.client.chain()[0], server.getSession().getPeerCertificates()[0]);
    }

    @Test
    void invalidatingOneSessionKeepsTheOthers() throws Exception {
        SSLContext clientCtx = PKI.sslkit("TLS", null);
        SSLContext serverCtx = PKI.sslkit("TLS", PKI.server);
        SSLSession a = connect(clientCtx, serverCtx, "localhost", 1001);
        SSLSession b = connect(clientCtx, serverCtx, "localhost", 1002);
        a.invalidate();
        assertNotSame(a, connect(clientCtx, serverCtx, "localhost", 1001), "the invalidated one is not resumed");
        assertSame(b, connect(clientCtx, serverCtx, "localhost", 1002), "the other still is");
    }

    private static SSLSession connect(SSLContext clientCtx, SSLContext serverCtx, String host, int port)
            throws Exception {
        SSLEngine c = clientCtx.createSSLEngine(host, port);
        c.setUseClientMode(true);
        SSLEngine s = serverCtx.createSSLEngine();
        s.setUseClientMode(false);
        new EnginePump(c, s).handshake();
        return c.getSession();
    }
}
