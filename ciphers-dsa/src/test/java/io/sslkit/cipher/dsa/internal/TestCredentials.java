package io.sslkit.cipher.dsa.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed server certificate with a DSA key, made fresh for the tests. */
record TestCredentials(KeyPair keyPair, X509Certificate certificate) {

    static TestCredentials dsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(bits, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            long now = System.currentTimeMillis();
            X500Name name = new X500Name("CN=sslkit test DSA " + bits);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now),
                    new Date(now - 60_000), new Date(now + 86_400_000), name, pair.getPublic());
            String signatureAlgorithm = bits > 1024 ? "SHA256withDSA" : "SHA1withDSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
            return new TestCredentials(pair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
