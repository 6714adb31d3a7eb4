package io.sslkit.jsse.internal;

import io.sslkit.handshake.SslConfig;
import java.net.Socket;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * Asks the application's X509KeyManager for the credentials a connection may use: one alias per key type that
 * sslkit's key exchanges and signatures take (RSA, DSA). The handshake then picks among them by the suite it
 * negotiates (server) or the certificate types the server requests (client).
 *
 * <p>The aliases are chosen before the handshake starts, without the peer's CA names or SNI: the engine offers no
 * callback at the moment it needs a credential.
 */
final class KeyMaterial {
    /** JSSE's key type names, in the order sslkit prefers them. */
    private static final List<String> KEY_TYPES = List.of("RSA", "DSA");

    private KeyMaterial() {
    }

    static List<SslConfig.Credential> forServer(X509KeyManager km, SSLEngine engine, Socket socket) {
        List<SslConfig.Credential> out = new ArrayList<>();
        if (km == null) {
            return out;
        }
        for (String type : KEY_TYPES) {
            String alias;
            if (socket == null && km instanceof X509ExtendedKeyManager x) {
                alias = x.chooseEngineServerAlias(type, null, engine);
            } else {
                alias = km.chooseServerAlias(type, null, socket);
            }
            add(out, km, alias);
        }
        return out;
    }

    static List<SslConfig.Credential> forClient(X509KeyManager km, SSLEngine engine, Socket socket) {
        List<SslConfig.Credential> out = new ArrayList<>();
        if (km == null) {
            return out;
        }
        for (String type : KEY_TYPES) {
            String[] types = {type};
            String alias;
            if (socket == null && km instanceof X509ExtendedKeyManager x) {
                alias = x.chooseEngineClientAlias(types, null, engine);
            } else {
                alias = km.chooseClientAlias(types, null, socket);
            }
            add(out, km, alias);
        }
        return out;
    }

    private static void add(List<SslConfig.Credential> out, X509KeyManager km, String alias) {
        if (alias == null) {
            return;
        }
        PrivateKey key = km.getPrivateKey(alias);
        X509Certificate[] chain = km.getCertificateChain(alias);
        if (key == null || chain == null || chain.length == 0) {
            return;
        }
        SslConfig.Credential c = new SslConfig.Credential(key, List.of(chain));
        if (out.stream().noneMatch(o -> o.chain().get(0).equals(c.chain().get(0)))) {
            out.add(c);
        }
    }
}
