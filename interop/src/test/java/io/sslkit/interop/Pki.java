package io.sslkit.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The test certificates, made fresh for each run: an RSA-2048 and a DSA-2048 hierarchy, each a CA with a server
 * (CN=localhost) and a client certificate under it, plus a DSA-1024 server and client for SHA-1 signatures. Every identity is also written as PEM below
 * {@code target/interop/pki}, because the peers are separate processes that read files.
 */
final class Pki {
    /** A key with its chain (end-entity first) and the PEM files a peer process loads. */
    record Identity(PrivateKey key, X509Certificate[] chain, Path certFile, Path keyFile) {
        X509Certificate certificate() {
            return chain[0];
        }
    }

    /** One algorithm's hierarchy. */
    record Hierarchy(Identity ca, Identity server, Identity client) {
        X509Certificate anchor() {
            return ca.certificate();
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static Pki instance;

    final Hierarchy rsa;
    final Hierarchy dsa;
    /**
     * DSA-1024 (q of 160 bits) server and client under the DSA CA. TLS 1.0/1.1 sign ServerKeyExchange and
     * CertificateVerify with SHA-1, and the peers refuse to make a SHA-1 signature with a 2048-bit DSA key (GnuTLS:
     * "The given DSA key is incompatible with the selected TLS protocol"; SunJSSE's SHA1withDSA likewise): FIPS
     * 186-3 pairs such keys with a 224/256-bit hash.
     */
    final Identity dsa1024Server;
    final Identity dsa1024Client;

    static synchronized Pki get() {
        if (instance == null) {
            try {
                instance = new Pki(Workspace.dir("pki"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            }
        }
        return instance;
    }

    private Pki(Path dir) throws Exception {
        rsa = hierarchy(dir, "rsa", "RSA", "SHA256withRSA");
        dsa = hierarchy(dir, "dsa", "DSA", "SHA256withDSA");
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(1024, new SecureRandom());
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(30));
        dsa1024Server = issued(dir, "dsa1024-server", "CN=localhost", g.generateKeyPair(), dsa.ca(), "SHA256withDSA",
                from, to);
        dsa1024Client = issued(dir, "dsa1024-client", "CN=sslkit interop dsa1024 client", g.generateKeyPair(),
                dsa.ca(), "SHA256withDSA", from, to);
    }

    private static Hierarchy hierarchy(Path dir, String prefix, String keyAlgorithm, String signature)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlgorithm);
        g.initialize(2048, new SecureRandom());
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(30));
        KeyPair caKeys = g.generateKeyPair();
        X500Name caName = new X500Name("CN=sslkit interop " + prefix + " CA");
        X509Certificate caCert = certificate(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), signature,
                from, to, true);
        Identity ca = write(dir, prefix + "-ca", caKeys.getPrivate(), new X509Certificate[] {caCert});
        Identity server = issued(dir, prefix + "-server", "CN=localhost", g.generateKeyPair(), ca, signature, from,
                to);
        Identity client = issued(dir, prefix + "-client", "CN=sslkit interop " + prefix + " client",
                g.generateKeyPair(), ca, signature, from, to);
        return new Hierarchy(ca, server, client);
    }

    private static Identity issued(Path dir, String file, String dn, KeyPair keys, Identity issuer, String signature,
                                   Instant from, Instant to) throws Exception {
        X509Certificate c = certificate(new X500Name(dn), keys.getPublic(),
                new X500Name(issuer.certificate().getSubjectX500Principal().getName()), issuer.key(), signature,
                from, to, false);
        return write(dir, file, keys.getPrivate(), new X509Certificate[] {c, issuer.certificate()});
    }

    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey signer,
                                               String signature, Instant from, Instant to, boolean ca)
            throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            // keyEncipherment only where the key can encrypt: a DSA key in an RSA key exchange would be a bug
            int usage = key.getAlgorithm().equals("RSA") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(signature).build(signer)));
    }

    /** The chain goes to NAME.pem (end-entity first, as s_server -cert and gnutls-serv expect), the key to NAME.key. */
    private static Identity write(Path dir, String name, PrivateKey key, X509Certificate[] chain) throws IOException {
        Path cert = dir.resolve(name + ".pem");
        Path keyFile = dir.resolve(name + ".key");
        try (Writer w = Files.newBufferedWriter(cert, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (X509Certificate c : chain) {
                pem.writeObject(c);
            }
        }
        try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
        return new Identity(key, chain, cert, keyFile);
    }
}
