package io.sslkit.cipher.kea.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * Issues KEA certificates with Bouncy Castle's ASN.1 classes and the JDK's DSA signature: the JDK cannot build a
 * certificate for a key algorithm it does not know, and bcpkix is not needed for this one shape.
 */
public final class KeaCertificateIssuer {
    /** 1024/160: the only domain size KEA defines, and the DSS size of the Fortezza era. */
    private static final int DSS_BITS = 1024;
    private static final long VALIDITY_MILLIS = 365L * 24 * 60 * 60 * 1000;
    private static final long CLOCK_SKEW_MILLIS = 60_000;
    private static final String SIGNATURE = "SHA256withDSA";

    private KeaCertificateIssuer() {
    }

    /** A KEA key and certificate, and the self-signed DSS certificate that issued it. */
    public record Issued(PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer,
            PrivateKey issuerKey) {
    }

    public static Issued issue(String commonName, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(DSS_BITS, random);
        KeyPair dss = generator.generateKeyPair();
        DSAParams params = ((DSAPublicKey) dss.getPublic()).getParams();
        KeaDomain domain = KeaDomain.of(params.getP(), params.getQ(), params.getG());
        KeaKeyPair kea = KeaKeyPair.generate(domain, random);
        X500Name issuerName = new X500Name("CN=sslkit Fortezza DSS authority");
        X509Certificate issuer = sign(issuerName, issuerName,
                SubjectPublicKeyInfo.getInstance(dss.getPublic().getEncoded()), true, dss.getPrivate(), random);
        X509Certificate certificate = sign(issuerName, new X500Name("CN=" + commonName),
                KeaPublicKeys.subjectPublicKeyInfo(domain, kea.publicValue()), false, dss.getPrivate(), random);
        return new Issued(new KeaPrivateKey(kea), certificate, issuer, dss.getPrivate());
    }

    /**
     * Issues a certificate for a KEA key under a given DSS issuer (tests use it for client certificates and for
     * certificates in a foreign domain).
     */
    public static X509Certificate issue(KeaDomain domain, BigInteger y, String commonName, X509Certificate issuer,
            PrivateKey issuerKey, SecureRandom random) throws GeneralSecurityException {
        return sign(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + commonName), KeaPublicKeys.subjectPublicKeyInfo(domain, y), false, issuerKey,
                random);
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, SubjectPublicKeyInfo key,
            boolean authority, PrivateKey signingKey, SecureRandom random) throws GeneralSecurityException {
        try {
            long now = System.currentTimeMillis();
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.dsa_with_sha256);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(new BigInteger(64, random).setBit(63)));
            tbs.setIssuer(issuer);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(new Date(now - CLOCK_SKEW_MILLIS)));
            tbs.setEndDate(new Time(new Date(now + VALIDITY_MILLIS)));
            tbs.setSubjectPublicKeyInfo(key);
            tbs.setSignature(algorithm);
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            // RFC 2528 §3.2: a KEA key is for key agreement only.
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature : KeyUsage.keyAgreement));
            tbs.setExtensions(extensions.generate());
            TBSCertificate toBeSigned = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance(SIGNATURE);
            signer.initSign(signingKey, random);
            signer.update(toBeSigned.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector certificate = new ASN1EncodableVector();
            certificate.add(toBeSigned);
            certificate.add(algorithm);
            certificate.add(new DERBitString(signer.sign()));
            byte[] der = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the certificate", e);
        }
    }
}
