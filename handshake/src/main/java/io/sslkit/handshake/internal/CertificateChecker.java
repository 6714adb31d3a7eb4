package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.CertificateCheck;
import io.sslkit.handshake.PeerChain;
import io.sslkit.handshake.PeerVerifier;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 3 (and its mirror, the server's check of a client certificate): parse the chain, check the key type against
 * what the suite needs, and validate it with the JDK's PKIX against the configured trust anchors. Each failure maps
 * to the alert RFC 5246 §7.2.2 names for it; the application's hook may overrule, otherwise the alert is sent.
 */
final class CertificateChecker {
    /** What the check found, for the listener. */
    record Outcome(List<X509Certificate> chain, String detail) {
    }

    /** What the handshake has agreed when the chain arrives, for a {@link PeerVerifier}. */
    record Negotiated(boolean serverChain, ProtocolVersion version, CipherSuite suite, String serverName) {
    }

    /**
     * PKIX parameters per trust-anchor set: building the anchors (each parses its name constraints) and the
     * parameters cost a tenth of a full handshake when done every time. They are only read by validations, so one
     * instance serves every thread; the bound keeps applications that make many anchor sets from growing it.
     */
    private static final Map<List<X509Certificate>, PKIXParameters> PARAMETERS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ANCHOR_SETS = 32;
    /** Neither engine is documented as thread-safe, so each thread keeps its own. */
    private static final ThreadLocal<CertPathValidator> VALIDATOR = ThreadLocal.withInitial(() -> {
        try {
            return CertPathValidator.getInstance("PKIX");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks a PKIX CertPathValidator", e);
        }
    });
    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK lacks an X.509 CertificateFactory", e);
        }
    });

    private final List<X509Certificate> trustAnchors;
    private final boolean insecure;
    private final CertificateCheck hook;
    private final PeerVerifier verifier;

    CertificateChecker(List<X509Certificate> trustAnchors, boolean insecure, CertificateCheck hook) {
        this(trustAnchors, insecure, hook, null);
    }

    /** @param verifier the application's verifier, which then decides alone; or null */
    CertificateChecker(List<X509Certificate> trustAnchors, boolean insecure, CertificateCheck hook,
                       PeerVerifier verifier) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.insecure = insecure;
        this.hook = hook;
        this.verifier = verifier;
    }

    /** Parses DER certificates; any malformed one, or more than {@code maxLength}, is bad_certificate. */
    static List<X509Certificate> parse(List<byte[]> der, int maxLength) throws SslAlertException {
        if (der.size() > maxLength) {
            // refused before decoding any: parsing is the expensive part of a hostile chain
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE,
                    "certificate chain of " + der.size() + " exceeds the limit of " + maxLength);
        }
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = FACTORY.get();
            for (byte[] d : der) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(d)));
            }
        } catch (CertificateException | ClassCastException e) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE, "malformed certificate: " + e.getMessage(),
                    e);
        }
        return out;
    }

    /**
     * Checks a non-empty chain whose end-entity key must be one of {@code keyAlgorithms}.
     */
    Outcome check(List<X509Certificate> chain, Set<String> keyAlgorithms) throws SslAlertException {
        return check(chain, keyAlgorithms, null);
    }

    /**
     * As {@link #check(List, Set)}, and when {@code hostName} is given the end-entity certificate must also name it
     * (RFC 6125: a DNS subjectAltName, else the CN), or the problem is certificate_unknown.
     */
    Outcome check(List<X509Certificate> chain, Set<String> keyAlgorithms, String hostName) throws SslAlertException {
        return check(chain, keyAlgorithms, hostName, null);
    }

    /**
     * As {@link #check(List, Set, String)}; with a verifier, which is then asked about every chain with
     * {@code negotiated} and sslkit's own finding, and whose refusal is the alert sent.
     */
    Outcome check(List<X509Certificate> chain, Set<String> keyAlgorithms, String hostName, Negotiated negotiated)
            throws SslAlertException {
        X509Certificate leaf = chain.get(0);
        String keyAlgorithm = KeyAlgorithms.of(leaf);
        String subject = "subject \"" + leaf.getSubjectX500Principal().getName() + "\", issuer \""
                + leaf.getIssuerX500Principal().getName() + "\", " + keyAlgorithm + " key";
        if (!keyAlgorithms.contains(keyAlgorithm)) {
            // a key we cannot use is fatal even for an insecure client: the key exchange needs it
            throw new SslAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    subject + ": a " + keyAlgorithm + " key cannot serve here (needs " + keyAlgorithms + ")");
        }
        SslAlertException problem = validate(chain);
        if (problem == null && hostName != null && !ServerNames.matches(leaf, hostName)) {
            problem = new SslAlertException(AlertDescription.CERTIFICATE_UNKNOWN,
                    "the certificate does not name " + hostName);
        }
        if (verifier != null && negotiated != null) {
            verifier.verify(new PeerChain(chain, negotiated.serverChain(), negotiated.version(), negotiated.suite(),
                    negotiated.suite().keyExchange(), keyAlgorithm, negotiated.serverName(),
                    problem == null ? null : problem.alert(), problem == null ? null : reason(problem)));
            return new Outcome(chain, subject + "; accepted by the application's verifier"
                    + (problem == null ? "" : " (sslkit found " + problem.alert() + ": " + reason(problem) + ")"));
        }
        if (problem == null) {
            return new Outcome(chain, subject + "; trusted" + (hostName == null ? "" : ", names " + hostName));
        }
        if (insecure) {
            return new Outcome(chain, subject + "; " + problem.alert() + " (" + reason(problem)
                    + ") ignored: insecure mode");
        }
        if (hook.accept(List.copyOf(chain), problem.alert(), reason(problem))) {
            return new Outcome(chain, subject + "; " + problem.alert() + " (" + reason(problem)
                    + ") accepted by the application's check");
        }
        throw new SslAlertException(problem.alert(), subject + ": " + reason(problem), problem.getCause());
    }

    private static String reason(SslAlertException e) {
        String m = e.getMessage();
        int i = m.lastIndexOf(" (alert ");
        return i > 0 ? m.substring(0, i) : m;
    }

    /** The alert the chain deserves, or null when PKIX accepts it. */
    private SslAlertException validate(List<X509Certificate> chain) {
        if (trustAnchors.isEmpty()) {
            return new SslAlertException(AlertDescription.CERTIFICATE_UNKNOWN, "no trust anchors configured");
        }
        // PKIX wants the path without its anchor: a peer that sends the root along must not make it fail
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && trustAnchors.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            VALIDATOR.get().validate(FACTORY.get().generateCertPath(path), parameters(trustAnchors));
            return null;
        } catch (CertPathValidatorException e) {
            return new SslAlertException(alertFor(e), e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            return new SslAlertException(AlertDescription.CERTIFICATE_UNKNOWN, e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            return new SslAlertException(AlertDescription.BAD_CERTIFICATE, e.getMessage(), e);
        }
    }

    private static PKIXParameters parameters(List<X509Certificate> anchors) throws InvalidAlgorithmParameterException {
        PKIXParameters cached = PARAMETERS.get(anchors);
        if (cached != null) {
            return cached;
        }
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate a : anchors) {
            set.add(new TrustAnchor(a, null));
        }
        PKIXParameters params = new PKIXParameters(set);
        params.setRevocationEnabled(false);
        if (PARAMETERS.size() >= MAX_CACHED_ANCHOR_SETS) {
            PARAMETERS.clear();
        }
        PARAMETERS.put(anchors, params);
        return params;
    }

    private static AlertDescription alertFor(CertPathValidatorException e) {
        CertPathValidatorException.Reason r = e.getReason();
        if (r == CertPathValidatorException.BasicReason.EXPIRED
                || r == CertPathValidatorException.BasicReason.NOT_YET_VALID
                || e.getCause() instanceof CertificateExpiredException
                || e.getCause() instanceof CertificateNotYetValidException) {
            return AlertDescription.CERTIFICATE_EXPIRED;
        }
        if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return AlertDescription.BAD_CERTIFICATE;
        }
        if (r == CertPathValidatorException.BasicReason.REVOKED) {
            return AlertDescription.CERTIFICATE_REVOKED;
        }
        if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return AlertDescription.UNSUPPORTED_CERTIFICATE;
        }
        if (r == PKIXReason.NO_TRUST_ANCHOR) {
            return AlertDescription.CERTIFICATE_UNKNOWN;
        }
        return AlertDescription.CERTIFICATE_UNKNOWN;
    }
}
