package io.sslkit.jsse.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.PeerChain;
import io.sslkit.handshake.PeerVerifier;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Hands every peer chain to the application's X509TrustManager, as JSSE requires: the connection has no trust
 * anchors of its own, so the trust manager alone decides. An X509ExtendedTrustManager gets the engine or socket, from
 * which it reads the handshake session and the endpoint identification algorithm; a plain one is followed by
 * sslkit's own endpoint identification. A refusal goes on the wire as the alert its reason deserves (unknown_ca,
 * certificate_expired, bad_certificate, ...).
 */
final class TrustBridge implements PeerVerifier {
    private final X509TrustManager trustManager;
    private final SslkitEngine engine;
    private volatile CertificateException refusal;

    TrustBridge(X509TrustManager trustManager, SslkitEngine engine) {
        this.trustManager = trustManager;
        this.engine = engine;
    }

    @Override
    public void verify(PeerChain peer) throws SslAlertException {
        engine.peerChainReceived(peer);
        try {
            check(peer.chain().toArray(new X509Certificate[0]), authType(peer));
        } catch (CertificateException e) {
            refusal = e;
            AlertDescription alert = CertificateAlerts.forRefusal(e, peer.version());
            throw new SslAlertException(alert, "the trust manager refused the peer's certificate: "
                    + e.getMessage(), e);
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        if (trustManager == null) {
            throw new CertificateException("no X509TrustManager was given to the SSLContext");
        }
        boolean client = engine.getUseClientMode();
        Socket socket = engine.socket();
        if (trustManager instanceof X509ExtendedTrustManager x) {
            if (client && socket != null) {
                x.checkServerTrusted(chain, authType, socket);
            } else if (client) {
                x.checkServerTrusted(chain, authType, engine);
            } else if (socket != null) {
                x.checkClientTrusted(chain, authType, socket);
            } else {
                x.checkClientTrusted(chain, authType, engine);
            }
            return;
        }
        if (client) {
            trustManager.checkServerTrusted(chain, authType);
            String algorithm = engine.getSSLParameters().getEndpointIdentificationAlgorithm();
            if (algorithm != null && !algorithm.isEmpty()) {
                EndpointIdentity.check(engine.identityHost(), chain[0]);
            }
        } else {
            trustManager.checkClientTrusted(chain, authType);
        }
    }

    /**
     * JSSE's authType: for a server chain the suite's key exchange (RSA, RSA_EXPORT, DHE_DSS ...), for a client chain
     * the key type of its certificate.
     */
    static String authType(PeerChain peer) {
        return peer.server() ? peer.keyExchange() : peer.keyAlgorithm();
    }

    /** The CA names a server sends in CertificateRequest: the subjects the trust manager accepts as issuers. */
    List<X500Principal> acceptedIssuers() {
        List<X500Principal> out = new ArrayList<>();
        if (trustManager != null) {
            X509Certificate[] issuers = trustManager.getAcceptedIssuers();
            if (issuers != null) {
                for (X509Certificate c : issuers) {
                    out.add(c.getSubjectX500Principal());
                }
            }
        }
        return out;
    }

    /** What the trust manager said when it refused, for the exception the application sees; else null. */
    CertificateException refusal() {
        return refusal;
    }
}
