package io.sslkit.jsse.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.handshake.CertificateCheck;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Hands the peer's chain to the application's X509TrustManager. The connection is configured without trust anchors
 * of its own, so sslkit's check always ends up here and the trust manager alone decides, as JSSE requires. An
 * X509ExtendedTrustManager gets the engine or socket, from which it reads the handshake session and the endpoint
 * identification algorithm; a plain one is followed by sslkit's own endpoint identification.
 *
 * <p>The engine sends certificate_unknown for every refusal (its hook can only say yes or no);
 * {@link #refusal()} and {@link #refusalAlert()} keep what the trust manager said for the exception the
 * application sees.
 */
final class TrustBridge implements CertificateCheck {
    private final X509TrustManager trustManager;
    private final SslkitEngine engine;
    private volatile CertificateException refusal;

    TrustBridge(X509TrustManager trustManager, SslkitEngine engine) {
        this.trustManager = trustManager;
        this.engine = engine;
    }

    @Override
    public boolean accept(List<X509Certificate> chain, AlertDescription problem, String reason) {
        try {
            check(chain.toArray(new X509Certificate[0]));
            return true;
        } catch (CertificateException e) {
            refusal = e;
            return false;
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (trustManager == null) {
            throw new CertificateException("no X509TrustManager was given to the SSLContext");
        }
        boolean client = engine.getUseClientMode();
        String authType = authType(chain[0], client);
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
     * JSSE's authType: for a server, the key exchange the key serves (sslkit's suites use RSA keys for RSA key
     * transport and DSA keys only for DHE_DSS); for a client, the key type of its certificate.
     */
    static String authType(X509Certificate leaf, boolean checkingServer) {
        String key = leaf.getPublicKey().getAlgorithm();
        if (!checkingServer) {
            return key;
        }
        return switch (key) {
            case "DSA" -> "DHE_DSS";
            case "EC" -> "ECDHE_ECDSA";
            default -> key;
        };
    }

    CertificateException refusal() {
        return refusal;
    }

    AlertDescription refusalAlert() {
        CertificateException e = refusal;
        return e == null ? null : CertificateAlerts.forRefusal(e, engine.negotiatedVersion());
    }
}
