package io.sslkit.handshake;

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
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made fresh for each run with Bouncy Castle: a CA, a server and a client certificate under it,
 * an expired server certificate under it, a server certificate from another CA (RSA-2048 throughout), and a DSA
 * server certificate.
 */
public final class TestPki {
    public record Identity(PrivateKey key, X509Certificate[] chain) {
        public X509Certificate certificate() {
            return chain[0];
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static TestPki instance;

    public final Identity ca;
    public final Identity server;
    public final Identity client;
    public final Identity expiredServer;
    public final Identity otherCa;
    public final Identity otherServer;
    /** A DSA-1024 server key (for the DHE_DSS suites) certified by the RSA CA. */
    public final Identity dsaServer;
    /** A DSA-2048 server key (q of 224 or 256 bits): its TLS 1.2 signatures want a hash longer than SHA-1. */
    public final Identity dsa2048Server;
    /** Names the test CA as its issuer but is signed by the other CA's key: a bad signature. */
    public final Identity forgedServer;

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                instance = new TestPki();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private TestPki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(30));
        ca = selfSigned(g.generateKeyPair(), "CN=sslkit test CA", from, to);
        otherCa = selfSigned(g.generateKeyPair(), "CN=sslkit other CA", from, to);
        server = issued(g.generateKeyPair(), "CN=localhost", ca, from, to);
        client = issued(g.generateKeyPair(), "CN=sslkit test client", ca, from, to);
        expiredServer = issued(g.generateKeyPair(), "CN=expired.localhost", ca, now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(30)));
        otherServer = issued(g.generateKeyPair(), "CN=other.localhost", otherCa, from, to);
        forgedServer = forged(g.generateKeyPair(), "CN=forged.localhost", ca, otherCa, from, to);
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        // 1024 bits (160-bit q): SunJSSE signs SSL 3.0 / TLS 1.0 parameters with a raw 20-byte SHA-1 DSA only then
        dsa.initialize(1024, new SecureRandom());
        dsaServer = issued(dsa.generateKeyPair(), "CN=dsa.localhost", ca, from, to);
        dsa.initialize(2048, new SecureRandom());
        dsa2048Server = issued(dsa.generateKeyPair(), "CN=dsa2048.localhost", ca, from, to);
    }

    private static Identity selfSigned(KeyPair kp, String dn, Instant from, Instant to) throws Exception {
        X509Certificate c = build(new X500Name(dn), kp.getPublic(), new X500Name(dn), kp.getPrivate(), from, to,
                true);
        return new Identity(kp.getPrivate(), new X509Certificate[] {c});
    }

    private static Identity issued(KeyPair kp, String dn, Identity issuer, Instant from, Instant to) throws Exception {
        X509Certificate c = build(new X500Name(dn), kp.getPublic(),
                new X500Name(issuer.certificate().getSubjectX500Principal().getName()), issuer.key(), from, to, false);
        return new Identity(kp.getPrivate(), new X509Certificate[] {c, issuer.certificate()});
    }

    private static Identity forged(KeyPair kp, String dn, Identity claimed, Identity signer, Instant from, Instant to)
            throws Exception {
        X509Certificate c = build(new X500Name(dn), kp.getPublic(),
                new X500Name(claimed.certificate().getSubjectX500Principal().getName()), signer.key(), from, to, false);
        return new Identity(kp.getPrivate(), new X509Certificate[] {c, claimed.certificate()});
    }

    private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, PrivateKey signer,
                                         Instant from, Instant to, boolean ca) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        int usage = ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : key.getAlgorithm().equals("RSA") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }
}
