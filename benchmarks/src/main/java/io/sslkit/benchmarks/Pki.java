package io.sslkit.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The one set of credentials every stack uses in a run, so that all three pay for the same RSA-2048 private key and
 * the same chain check: a CA and a server certificate under it (sha256WithRSA). The JDK's own key objects are
 * handed to all three stacks.
 */
final class Pki {
    private static Pki instance;

    public final PrivateKey caKey;
    public final X509Certificate ca;
    public final PrivateKey serverKey;
    /** End-entity first, then the CA. */
    public final X509Certificate[] serverChain;

    public static synchronized Pki get() {
        if (instance == null) {
            try {
                instance = new Pki();
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the benchmark certificates", e);
            }
        }
        return instance;
    }

    private Pki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        Instant now = Instant.now();
        KeyPair caPair = g.generateKeyPair();
        KeyPair serverPair = g.generateKeyPair();
        X500Name caName = new X500Name("CN=sslkit benchmark CA");
        caKey = caPair.getPrivate();
        ca = build(caName, caPair.getPublic(), caName, caKey, now, true, 1);
        serverKey = serverPair.getPrivate();
        serverChain = new X509Certificate[] {
            build(new X500Name("CN=localhost"), serverPair.getPublic(), caName, caKey, now, false, 2), ca};
    }

    private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, PrivateKey signer,
                                         Instant now, boolean isCa, long serial) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, isCa ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }
}
