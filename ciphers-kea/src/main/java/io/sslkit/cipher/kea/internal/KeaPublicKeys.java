package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * KEA public keys in X.509 certificates. RFC 2528 §3.1 names the algorithm id-keyExchangeAlgorithm
 * (2.16.840.1.101.2.1.1.22) and puts the public value y in the subjectPublicKey BIT STRING as its plain big-endian
 * bits. RFC 2528 gives the parameters as a 10-byte KEA-Parms-Id naming a domain published elsewhere (the Fortezza
 * directory); no such directory exists for us, so the parameters field carries the domain itself as Dss-Parms
 * (p, q, g) — the same ASN.1 a DSA key uses, since KEA and DSA share the FIPS 186 domain form.
 */
final class KeaPublicKeys {
    static final ASN1ObjectIdentifier ID_KEY_EXCHANGE_ALGORITHM =
            new ASN1ObjectIdentifier("2.16.840.1.101.2.1.1.22");

    private KeaPublicKeys() {
    }

    /** A KEA public value with its domain, as read from a certificate. */
    record KeaPublicKey(KeaDomain domain, BigInteger y) {
    }

    static SubjectPublicKeyInfo subjectPublicKeyInfo(KeaDomain domain, BigInteger y) {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(ID_KEY_EXCHANGE_ALGORITHM,
                new DSAParameter(domain.p(), domain.q(), domain.g()));
        return new SubjectPublicKeyInfo(algorithm, PublicValues.encode(y));
    }

    /** Whether the certificate's subject key is a KEA key (whatever the JDK calls its algorithm). */
    static boolean isKea(X509Certificate certificate) {
        try {
            return ID_KEY_EXCHANGE_ALGORITHM.equals(spki(certificate).getAlgorithm().getAlgorithm());
        } catch (SslAlertException e) {
            return false;
        }
    }

    /**
     * The KEA key of a certificate, checked: the domain must have the KEA shape and y must lie in its order-q
     * subgroup. A key that fails is a bad certificate.
     */
    static KeaPublicKey read(X509Certificate certificate) throws SslAlertException {
        SubjectPublicKeyInfo spki = spki(certificate);
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        if (!ID_KEY_EXCHANGE_ALGORITHM.equals(algorithm.getAlgorithm())) {
            throw new SslAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "certificate key is " + algorithm.getAlgorithm() + ", not KEA");
        }
        KeaDomain domain;
        try {
            DSAParameter params = DSAParameter.getInstance(algorithm.getParameters());
            if (params == null) {
                throw new SslAlertException(AlertDescription.BAD_CERTIFICATE,
                        "KEA certificate carries no domain parameters");
            }
            domain = KeaDomain.of(params.getP(), params.getQ(), params.getG());
        } catch (InvalidAlgorithmParameterException | IllegalArgumentException e) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE, "KEA certificate domain unusable", e);
        }
        if (spki.getPublicKeyData().getPadBits() != 0) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE, "KEA public key is not whole bytes");
        }
        byte[] y = spki.getPublicKeyData().getBytes();
        if (y.length != PublicValues.LENGTH) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE,
                    "KEA public key must be " + PublicValues.LENGTH + " bytes, got " + y.length);
        }
        BigInteger value = PublicValues.decode(y);
        if (!domain.isValidPublicValue(value)) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE,
                    "KEA public key fails 1 < Y < p, Y^q = 1 mod p");
        }
        return new KeaPublicKey(domain, value);
    }

    /** Read from the certificate's own bytes: the JDK does not know KEA and its PublicKey view is opaque. */
    private static SubjectPublicKeyInfo spki(X509Certificate certificate) throws SslAlertException {
        try {
            return Certificate.getInstance(certificate.getEncoded()).getSubjectPublicKeyInfo();
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE, "unreadable certificate", e);
        }
    }
}
