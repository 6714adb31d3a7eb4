package io.sslkit.cipher.kea.internal;

import io.sslkit.api.spi.testing.TestExchangeContext;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Credentials made fresh for the tests: none are checked in. */
record TestCredentials(PrivateKey privateKey, X509Certificate certificate) {

    /** A server (or client) KEA credential with its DSS issuer, as the CLI's default credentials make it. */
    static TestCredentials kea(String name) {
        try {
            KeaCertificateIssuer.Issued issued = KeaCertificateIssuer.issue(name, TestExchangeContext.RANDOM);
            return new TestCredentials(issued.privateKey(), issued.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A KEA key in the domain of {@code of}, certified by a fresh issuer. */
    static TestCredentials keaInDomainOf(TestCredentials of, String name) {
        return keaIn(((KeaPrivateKey) of.privateKey()).keyPair().domain(), name);
    }

    /**
     * A KEA key in a domain that differs from that of {@code of} only in g (g squared generates the same subgroup):
     * the JDK hands out one fixed 1024-bit DSA domain, and generating a new p takes seconds.
     */
    static TestCredentials keaInOtherDomainThan(TestCredentials of, String name) {
        KeaDomain d = ((KeaPrivateKey) of.privateKey()).keyPair().domain();
        try {
            return keaIn(KeaDomain.of(d.p(), d.q(), d.g().modPow(BigInteger.TWO, d.p())), name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCredentials keaIn(KeaDomain domain, String name) {
        try {
            KeaKeyPair own = KeaKeyPair.generate(domain, TestExchangeContext.RANDOM);
            KeaCertificateIssuer.Issued issuer = KeaCertificateIssuer.issue("issuer", TestExchangeContext.RANDOM);
            X509Certificate certificate = KeaCertificateIssuer.issue(own.domain(), own.publicValue(), name,
                    issuer.issuer(), issuer.issuerKey(), TestExchangeContext.RANDOM);
            return new TestCredentials(new KeaPrivateKey(own), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed DSS credential, for clients that sign a fresh y_c with it. */
    static TestCredentials dss(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(bits, TestExchangeContext.RANDOM);
            KeyPair pair = generator.generateKeyPair();
            long now = System.currentTimeMillis();
            X500Name name = new X500Name("CN=sslkit test DSS client");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now),
                    new Date(now - 60_000), new Date(now + 86_400_000), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withDSA").build(pair.getPrivate())));
            return new TestCredentials(pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
