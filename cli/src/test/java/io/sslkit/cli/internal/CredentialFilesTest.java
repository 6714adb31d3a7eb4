package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFilesTest {
    /** Only to write the encrypted test keys; a private instance, as the code under test uses. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static KeyPair rsa;
    private static KeyPair dsa;
    private static X509Certificate rsaCert;
    private static X509Certificate dsaCert;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        rsa = g.generateKeyPair();
        rsaCert = GeneratedCredentials.selfSigned(rsa, "RSA");
        KeyPairGenerator d = KeyPairGenerator.getInstance("DSA");
        d.initialize(2048);
        dsa = d.generateKeyPair();
        dsaCert = GeneratedCredentials.selfSigned(dsa, "DSA");
    }

    @Test
    void pemCertificateWithPkcs8Key() throws Exception {
        Path cert = write("c.pem", GeneratedCredentials.pem("CERTIFICATE", rsaCert.getEncoded()));
        Path key = write("k.pem", GeneratedCredentials.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        Credential c = CredentialFiles.load(cert, key, null);
        assertArrayEquals(rsa.getPrivate().getEncoded(), c.key().getEncoded());
        assertEquals(List.of(rsaCert), c.chain());
        assertEquals("RSA", c.algorithm());
    }

    @Test
    void traditionalRsaAndDsaKeys() throws Exception {
        Path rsaKey = write("rsa.key", traditional(rsa, null));
        assertTrue(Files.readString(rsaKey).contains("BEGIN RSA PRIVATE KEY"));
        Credential r = CredentialFiles.load(write("rsa.crt", pem(rsaCert)), rsaKey, null);
        assertArrayEquals(rsa.getPrivate().getEncoded(), r.key().getEncoded());

        Path dsaKey = write("dsa.key", traditional(dsa, null));
        assertTrue(Files.readString(dsaKey).contains("BEGIN DSA PRIVATE KEY"));
        Credential d = CredentialFiles.load(write("dsa.crt", pem(dsaCert)), dsaKey, null);
        assertEquals("DSA", d.algorithm());
        assertArrayEquals(dsa.getPrivate().getEncoded(), d.key().getEncoded());
    }

    @Test
    void encryptedTraditionalKeyNeedsThePasswordFromTheEnvironment() throws Exception {
        Path key = write("enc.key", traditional(rsa, "s3cret"));
        assertTrue(Files.readString(key).contains("DEK-Info"));
        Path cert = write("c.pem", pem(rsaCert));
        CliFailure missing = assertThrows(CliFailure.class, () -> CredentialFiles.load(cert, key, null));
        assertTrue(missing.getMessage().contains(CredentialFiles.PASSWORD_VARIABLE), missing.getMessage());
        CliFailure wrong = assertThrows(CliFailure.class, () -> CredentialFiles.load(cert, key, "nope"));
        assertTrue(wrong.getMessage().contains("cannot read the key"), wrong.getMessage());
        assertArrayEquals(rsa.getPrivate().getEncoded(), CredentialFiles.load(cert, key, "s3cret").key().getEncoded());
    }

    @Test
    void encryptedPkcs8Key() throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(new JcaPKCS8Generator(dsa.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setPassword("pw".toCharArray()).build()));
        }
        Path key = write("enc8.key", sw.toString());
        assertTrue(sw.toString().contains("BEGIN ENCRYPTED PRIVATE KEY"));
        Credential c = CredentialFiles.load(write("d.crt", pem(dsaCert)), key, "pw");
        assertArrayEquals(dsa.getPrivate().getEncoded(), c.key().getEncoded());
    }

    @Test
    void keyAndChainInOnePemFileWithoutKeyOption() throws Exception {
        Path both = write("both.pem", pem(rsaCert) + pem(dsaCert)
                + GeneratedCredentials.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        Credential c = CredentialFiles.load(both, null, null);
        assertEquals(List.of(rsaCert, dsaCert), c.chain(), "chain order is the file's order, leaf first");
    }

    @Test
    void pkcs12WithPasswordAndNoKeyOption() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", rsa.getPrivate(), "p12pw".toCharArray(), new X509Certificate[] {rsaCert});
        Path p12 = dir.resolve("server.p12");
        try (OutputStream o = Files.newOutputStream(p12)) {
            ks.store(o, "p12pw".toCharArray());
        }
        Credential c = CredentialFiles.load(p12, null, "p12pw");
        assertArrayEquals(rsa.getPrivate().getEncoded(), c.key().getEncoded());
        assertEquals(rsaCert, c.leaf());

        CliFailure withKey = assertThrows(CliFailure.class, () -> CredentialFiles.load(p12, p12, "p12pw"));
        assertTrue(withKey.getMessage().contains("PKCS#12"), withKey.getMessage());
        CliFailure wrongPassword = assertThrows(CliFailure.class, () -> CredentialFiles.load(p12, null, "x"));
        assertTrue(wrongPassword.getMessage().contains(CredentialFiles.PASSWORD_VARIABLE), wrongPassword.getMessage());
        assertEquals(List.of(rsaCert), CredentialFiles.trustAnchors(p12, "p12pw"));
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair other = g.generateKeyPair();
        Path cert = write("c.pem", pem(rsaCert));
        Path key = write("other.key", GeneratedCredentials.pem("PRIVATE KEY", other.getPrivate().getEncoded()));
        CliFailure e = assertThrows(CliFailure.class, () -> CredentialFiles.load(cert, key, null));
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
        Path dsaKey = write("dsa.key", GeneratedCredentials.pem("PRIVATE KEY", dsa.getPrivate().getEncoded()));
        CliFailure kind = assertThrows(CliFailure.class, () -> CredentialFiles.load(cert, dsaKey, null));
        assertTrue(kind.getMessage().contains("holds a DSA key"), kind.getMessage());
    }

    @Test
    void missingOrEmptyFilesSayWhich() throws Exception {
        Path nothing = dir.resolve("absent.pem");
        CliFailure e = assertThrows(CliFailure.class, () -> CredentialFiles.load(nothing, null, null));
        assertEquals("no such file: " + nothing, e.getMessage());
        Path certOnly = write("c.pem", pem(rsaCert));
        CliFailure noKey = assertThrows(CliFailure.class, () -> CredentialFiles.load(certOnly, null, null));
        assertTrue(noKey.getMessage().contains("holds no private key (name the key file with --key)"),
                noKey.getMessage());
        Path keyOnly = write("k.pem", GeneratedCredentials.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        CliFailure noCert = assertThrows(CliFailure.class, () -> CredentialFiles.load(keyOnly, keyOnly, null));
        assertTrue(noCert.getMessage().contains("holds no certificate"), noCert.getMessage());
    }

    @Test
    void trustAnchorsFromPemAndDer() throws Exception {
        assertEquals(List.of(rsaCert, dsaCert),
                CredentialFiles.trustAnchors(write("ca.pem", pem(rsaCert) + pem(dsaCert)), null));
        Path der = dir.resolve("ca.der");
        Files.write(der, rsaCert.getEncoded());
        assertEquals(List.of(rsaCert), CredentialFiles.trustAnchors(der, null));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String pem(X509Certificate c) throws Exception {
        return GeneratedCredentials.pem("CERTIFICATE", c.getEncoded());
    }

    private static String traditional(KeyPair kp, String password) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            if (password == null) {
                w.writeObject(kp.getPrivate());
            } else {
                w.writeObject(new JcaMiscPEMGenerator(kp.getPrivate(),
                        new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password.toCharArray())));
            }
        }
        return sw.toString();
    }
}
