package io.sslkit.interop;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * SunJSSE's PKIX trust manager knows no auth type DHE_DSS_EXPORT ("Unknown authType") although SunJSSE offers the
 * suite; the certificate of such a suite is a DSA signing certificate exactly as for DHE_DSS, so the check is made
 * under that name. Every other auth type passes through unchanged.
 */
final class ExportAuthTypeTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    ExportAuthTypeTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    private static String map(String authType) {
        return "DHE_DSS_EXPORT".equals(authType) ? "DHE_DSS" : authType;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkServerTrusted(chain, map(authType), socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkServerTrusted(chain, map(authType), engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, map(authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
