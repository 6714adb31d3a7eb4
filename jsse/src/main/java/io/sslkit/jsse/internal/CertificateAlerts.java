package io.sslkit.jsse.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXReason;

/** Which alert a trust manager's refusal deserves (RFC 5246 §7.2.2), as far as its CertificateException tells. */
final class CertificateAlerts {
    private CertificateAlerts() {
    }

    static AlertDescription forRefusal(Throwable refusal, ProtocolVersion version) {
        AlertDescription a = classify(refusal);
        // unknown_ca and friends came with TLS; SSL 3.0 has only the general alert for them
        return version != null && !a.definedIn(version) ? AlertDescription.CERTIFICATE_UNKNOWN : a;
    }

    private static AlertDescription classify(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return AlertDescription.CERTIFICATE_EXPIRED;
            }
            if (t instanceof CertificateRevokedException) {
                return AlertDescription.CERTIFICATE_REVOKED;
            }
            if (t instanceof CertPathBuilderException) {
                // no path from the chain to any trust anchor: the CA could not be located
                return AlertDescription.UNKNOWN_CA;
            }
            if (t instanceof CertPathValidatorException e) {
                CertPathValidatorException.Reason r = e.getReason();
                if (r == PKIXReason.NO_TRUST_ANCHOR) {
                    return AlertDescription.UNKNOWN_CA;
                }
                if (r == CertPathValidatorException.BasicReason.EXPIRED
                        || r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return AlertDescription.CERTIFICATE_EXPIRED;
                }
                if (r == CertPathValidatorException.BasicReason.REVOKED) {
                    return AlertDescription.CERTIFICATE_REVOKED;
                }
                if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
                    return AlertDescription.UNSUPPORTED_CERTIFICATE;
                }
                if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
                    return AlertDescription.BAD_CERTIFICATE;
                }
            }
        }
        return AlertDescription.CERTIFICATE_UNKNOWN;
    }
}
