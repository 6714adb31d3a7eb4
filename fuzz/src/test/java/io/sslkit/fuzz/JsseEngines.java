package io.sslkit.fuzz;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import io.sslkit.handshake.SslEngine;
import io.sslkit.handshake.testing.DeterministicRandom;
import io.sslkit.jsse.SslkitProvider;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The engines of {@link JsseEngineFuzzTest}: the victim, an SSLEngine of the SSLKIT provider (every version and the
 * fuzz module's suites enabled, so its policy is the legacy one; the fixed PKI through a key manager; a trust manager
 * that accepts any chain, so that input gets past Certificate; deterministic randomness through
 * {@code SSLContext.init}), and its live peer, sslkit's own {@link SslEngine}, for inputs that talk to one.
 */
final class JsseEngines {
    static final SslkitProvider PROVIDER = new SslkitProvider();
    /** A name with a dot, so that an SSLKIT client sends it as server_name; the server's SNIMatcher accepts it. */
    static final String SNI_HOST = "fuzz.sslkit.test";
    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.values());
    static final String[] PROTOCOLS = VERSIONS.stream().map(ProtocolVersion::standardName).toArray(String[]::new);

    private JsseEngines() {
    }

    /** A fresh context per input: its own session caches and a random that replays. */
    static SSLContext context(long seed) {
        try {
            SSLContext c = SSLContext.getInstance("TLS", PROVIDER);
            c.init(new KeyManager[] {new FixedKeys()}, new TrustManager[] {new TrustAll()},
                    new DeterministicRandom(seed));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The server victim. {@code clientAuth}: 0 none, 1 want, 2 need a client certificate; {@code sniMatcher}: only
     * {@link #SNI_HOST} is accepted as server_name (any other name is unrecognized_name).
     */
    static SSLEngine server(int clientAuth, boolean sniMatcher) {
        SSLEngine e = context(2).createSSLEngine();
        e.setUseClientMode(false);
        e.setEnabledProtocols(PROTOCOLS);
        e.setEnabledCipherSuites(Engines.SUITES.toArray(String[]::new));
        if (clientAuth == 2) {
            e.setNeedClientAuth(true);
        } else if (clientAuth == 1) {
            e.setWantClientAuth(true);
        }
        if (sniMatcher) {
            SSLParameters p = e.getSSLParameters();
            p.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(SNI_HOST.replace(".", "\\."))));
            e.setSSLParameters(p);
        }
        return e;
    }

    /** The client victim, for {@code host}: "localhost" sends no server_name, {@link #SNI_HOST} does. */
    static SSLEngine client(String host) {
        SSLEngine e = context(1).createSSLEngine(host, 443);
        e.setUseClientMode(true);
        e.setEnabledProtocols(PROTOCOLS);
        e.setEnabledCipherSuites(Engines.SUITES.toArray(String[]::new));
        return e;
    }

    /**
     * The suites a peer may be given, by index: RSA with AES-CBC (SHA-256 in TLS 1.2; SSL 3.0, which has no AES
     * suite, RC4-MD5 instead), RC4-SHA, 3DES, and DHE_DSS with 3DES.
     */
    static String suite(ProtocolVersion v, int index) {
        return switch (index & 3) {
            case 0 -> v == ProtocolVersion.TLS_1_2 ? "TLS_RSA_WITH_AES_128_CBC_SHA256"
                    : v == ProtocolVersion.SSL_3_0 ? "SSL_RSA_WITH_RC4_128_MD5" : "TLS_RSA_WITH_AES_128_CBC_SHA";
            case 1 -> "SSL_RSA_WITH_RC4_128_SHA";
            case 2 -> "SSL_RSA_WITH_3DES_EDE_CBC_SHA";
            default -> "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA";
        };
    }

    /** sslkit's own client as the server victim's peer: one version and suite, a certificate when asked for. */
    static SslEngine peerClient(ProtocolVersion v, String suite, boolean certificate, boolean sni) {
        SslConfig.Builder b = Engines.lenientClient(11, v).cipherSuites(suite);
        if (certificate) {
            b.credential(Pki.RSA.key(), Pki.RSA.certificate());
        }
        if (sni) {
            b.serverName(SNI_HOST);
        }
        return Engines.clientEngine(b.build());
    }

    /** sslkit's own server as the client victim's peer; it requires a client certificate when asked to. */
    static SslEngine peerServer(ProtocolVersion v, String suite, boolean requestCertificate) {
        SslConfig.Builder b = Engines.server(12, v).cipherSuites(suite);
        if (requestCertificate) {
            b.clientAuth(ClientAuth.NEED);
        }
        return Engines.serverEngine(b.build());
    }

    /** The fixed PKI's RSA and DSA credentials: the server has both, a client offers whichever type is asked for. */
    static final class FixedKeys extends X509ExtendedKeyManager {
        private static String alias(String keyType) {
            return switch (keyType) {
                case "RSA" -> "rsa";
                case "DSA" -> "dsa";
                default -> null;
            };
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            String a = alias(keyType);
            return a == null ? null : new String[] {a};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return Arrays.stream(keyTypes).map(FixedKeys::alias).filter(a -> a != null).findFirst().orElse(null);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyTypes, issuers, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return switch (alias) {
                case "rsa" -> new X509Certificate[] {Pki.RSA.certificate()};
                case "dsa" -> new X509Certificate[] {Pki.DSA.certificate()};
                default -> null;
            };
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return switch (alias) {
                case "rsa" -> Pki.RSA.key();
                case "dsa" -> Pki.DSA.key();
                default -> null;
            };
        }
    }

    /** Accepts every chain: the fuzzer's certificates must not stop its input at Certificate. Test-only. */
    static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {Pki.RSA.certificate(), Pki.DSA.certificate()};
        }
    }
}
