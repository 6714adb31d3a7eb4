package io.sslkit.jsse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made fresh for each test run with Bouncy Castle: a CA with a server certificate for localhost and
 * 127.0.0.1 and a client certificate under it, an expired server certificate under it, and a server certificate
 * from a CA nobody trusts. Also the SSLContexts built from them, SSLKIT's and SunJSSE's.
 */
final class TestPki {
    static {
        // JDK 17's list: sslkit offers TLS_RSA_* suites, which later JDKs (24+) add to it; set before SunJSSE starts
        Security.setProperty("jdk.tls.disabledAlgorithms", "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES,"
                + " MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH");
    }

    record Identity(PrivateKey key, X509Certificate[] chain) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final char[] PASSWORD = "test".toCharArray();
    private static TestPki instance;

    final Identity ca;
    final Identity server;
    final Identity client;
    final Identity expiredServer;
    final Identity strangerServer;
    final Identity dsaServer;

    static synchronized TestPki get() {
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
        ca = issue(g.generateKeyPair(), "CN=sslkit jsse test CA", null, from, to);
        server = issue(g.generateKeyPair(), "CN=localhost", ca, from, to);
        client = issue(g.generateKeyPair(), "CN=sslkit jsse test client", ca, from, to);
        expiredServer = issue(g.generateKeyPair(), "CN=localhost", ca, now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(30)));
        Identity stranger = issue(g.generateKeyPair(), "CN=stranger CA", null, from, to);
        strangerServer = issue(g.generateKeyPair(), "CN=localhost", stranger, from, to);
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048, new SecureRandom());
        dsaServer = issue(dsa.generateKeyPair(), "CN=localhost", ca, from, to);
    }

    private static Identity issue(KeyPair kp, String dn, Identity issuer, Instant from, Instant to)
            throws Exception {
        boolean isCa = issuer == null;
        X500Name subject = new X500Name(dn);
        X500Name issuerName = isCa ? subject
                : new X500Name(issuer.chain()[0].getSubjectX500Principal().getName());
        PrivateKey signer = isCa ? kp.getPrivate() : issuer.key();
        PublicKey key = kp.getPublic();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (!isCa && dn.equals("CN=localhost")) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        X509Certificate[] chain = isCa ? new X509Certificate[] {c}
                : new X509Certificate[] {c, issuer.chain()[issuer.chain().length - 1]};
        return new Identity(kp.getPrivate(), chain);
    }

    /** Key managers over the given identities (none: an empty key store). */
    static KeyManager[] keyManagers(Identity... identities) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < identities.length; i++) {
            if (identities[i] != null) {
                ks.setKeyEntry("key" + i, identities[i].key(), PASSWORD, identities[i].chain());
            }
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        return kmf.getKeyManagers();
    }

    TrustManager[] trustManagers() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca.chain()[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return tmf.getTrustManagers();
    }

    /** An SSLKIT context holding {@code identity} (null: none) and trusting the test CA. */
    SSLContext sslkit(String protocol, Identity identity) throws Exception {
        SSLContext c = SSLContext.getInstance(protocol, new SslkitProvider());
        c.init(keyManagers(identity), trustManagers(), null);
        return c;
    }

    /** The same from SunJSSE. */
    SSLContext sunJsse(Identity identity) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
        c.init(keyManagers(identity), trustManagers(), null);
        return c;
    }

    /** The CA certificate as a PEM file, for curl. */
    Path caPem(Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        out.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(ca.chain()[0].getEncoded()));
        out.write("\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        Path p = dir.resolve("ca.pem");
        Files.write(p, out.toByteArray());
        return p;
    }
}
