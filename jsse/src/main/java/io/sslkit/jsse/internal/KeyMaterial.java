package io.sslkit.jsse.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.CredentialChooser;
import io.sslkit.handshake.SslConfig;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * Asks the application's X509KeyManager for a credential at the moment the handshake needs one, as SunJSSE does:
 * the server on ClientHello (after its SNIMatchers have accepted the requested name, which the handshake session
 * then shows), the client on CertificateRequest with the server's certificate types and CA names.
 */
final class KeyMaterial implements CredentialChooser {
    /** The key types JSSE and sslkit's modules both name; KEA has no JSSE key type. */
    private static final Set<String> JSSE_KEY_TYPES = Set.of("RSA", "DSA");

    private final X509KeyManager keyManager;
    private final SslkitEngine engine;
    private final Collection<SNIMatcher> matchers;

    KeyMaterial(X509KeyManager keyManager, SslkitEngine engine, Collection<SNIMatcher> matchers) {
        this.keyManager = keyManager;
        this.engine = engine;
        this.matchers = List.copyOf(matchers);
    }

    @Override
    public List<SslConfig.Credential> serverCredentials(Set<String> keyAlgorithms, String serverName)
            throws SslAlertException {
        SNIHostName name = hostName(serverName);
        engine.serverNameRequested(name);
        if (name != null && !accepted(name)) {
            // RFC 6066 §3: a server that does not recognize the name may end the handshake so
            throw new SslAlertException(AlertDescription.UNRECOGNIZED_NAME,
                    "no SNIMatcher accepts the requested server name " + serverName);
        }
        List<SslConfig.Credential> out = new ArrayList<>();
        if (keyManager == null) {
            return out;
        }
        for (String type : keyAlgorithms) {
            if (!JSSE_KEY_TYPES.contains(type)) {
                continue;
            }
            String alias;
            if (engine.socket() == null && keyManager instanceof X509ExtendedKeyManager x) {
                alias = x.chooseEngineServerAlias(type, null, engine);
            } else {
                alias = keyManager.chooseServerAlias(type, null, engine.socket());
            }
            add(out, alias);
        }
        return out;
    }

    @Override
    public SslConfig.Credential clientCredential(Set<String> keyAlgorithms, List<X500Principal> authorities) {
        if (keyManager == null) {
            return null;
        }
        String[] types = keyAlgorithms.stream().filter(JSSE_KEY_TYPES::contains).toArray(String[]::new);
        if (types.length == 0) {
            return null;
        }
        // JSSE's null means "any issuer", which is what an empty certificate_authorities says
        Principal[] issuers = authorities.isEmpty() ? null : authorities.toArray(new Principal[0]);
        String alias;
        if (engine.socket() == null && keyManager instanceof X509ExtendedKeyManager x) {
            alias = x.chooseEngineClientAlias(types, issuers, engine);
        } else {
            alias = keyManager.chooseClientAlias(types, issuers, engine.socket());
        }
        List<SslConfig.Credential> out = new ArrayList<>();
        add(out, alias);
        return out.isEmpty() ? null : out.get(0);
    }

    private static SNIHostName hostName(String serverName) {
        if (serverName == null) {
            return null;
        }
        try {
            return new SNIHostName(serverName);
        } catch (IllegalArgumentException e) {
            // a name JSSE cannot even represent is one no matcher could accept
            return null;
        }
    }

    /** As SunJSSE: a name is refused only when a matcher for its type exists and none matches. */
    private boolean accepted(SNIHostName name) {
        boolean anyForType = false;
        for (SNIMatcher m : matchers) {
            if (m.getType() == StandardConstants.SNI_HOST_NAME) {
                anyForType = true;
                if (m.matches(name)) {
                    return true;
                }
            }
        }
        return !anyForType;
    }

    private void add(List<SslConfig.Credential> out, String alias) {
        if (alias == null) {
            return;
        }
        PrivateKey key = keyManager.getPrivateKey(alias);
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        if (key == null || chain == null || chain.length == 0) {
            return;
        }
        SslConfig.Credential c = new SslConfig.Credential(key, List.of(chain));
        if (out.stream().noneMatch(o -> o.chain().get(0).equals(c.chain().get(0)))) {
            out.add(c);
        }
    }
}
