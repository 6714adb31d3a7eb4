package io.sslkit.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads credentials and trust anchors from the files users have: PEM (a certificate chain; a PKCS#8 key, a
 * traditional "BEGIN RSA/DSA PRIVATE KEY" key, either possibly encrypted) or PKCS#12. Passwords come from the
 * environment variable {@value #PASSWORD_VARIABLE}, never from the command line where {@code ps} would show them.
 */
public final class CredentialFiles {
    /** Password of an encrypted PEM key or of a PKCS#12 file; a PKCS#12 file without one is opened with "". */
    public static final String PASSWORD_VARIABLE = "SSLKIT_KEY_PASSWORD";

    private CredentialFiles() {
    }

    /**
     * Loads one credential. {@code keyFile} may be null when {@code certFile} is PKCS#12 or a PEM file that also
     * holds the key.
     */
    public static Credential load(Path certFile, Path keyFile, String password) {
        byte[] certBytes = read(certFile);
        if (!isPem(certBytes)) {
            if (keyFile != null) {
                throw CliFailure.usage(certFile + " is not PEM, so it is read as PKCS#12, which holds its own key: "
                        + "drop --key " + keyFile);
            }
            return fromPkcs12(certFile, certBytes, password);
        }
        PemContents certPem = parsePem(certFile, certBytes, password);
        if (certPem.certificates.isEmpty()) {
            throw CliFailure.usage(certFile + " holds no certificate");
        }
        PrivateKey key;
        Path keySource = keyFile == null ? certFile : keyFile;
        if (keyFile == null) {
            key = certPem.key;
        } else {
            byte[] keyBytes = read(keyFile);
            if (!isPem(keyBytes)) {
                throw CliFailure.usage(keyFile + " is not a PEM private key");
            }
            key = parsePem(keyFile, keyBytes, password).key;
        }
        if (key == null) {
            throw CliFailure.usage(keySource + " holds no private key"
                    + (keyFile == null ? " (name the key file with --key)" : ""));
        }
        checkPair(key, certPem.certificates.get(0), keySource, certFile);
        return new Credential(key, certPem.certificates, certFile.toString());
    }

    /** Trust anchors: every certificate in a PEM or DER file, or the certificates of a PKCS#12 file. */
    public static List<X509Certificate> trustAnchors(Path file, String password) {
        byte[] bytes = read(file);
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            out.clear();
            if (isPem(bytes)) {
                throw CliFailure.usage(file + ": not a certificate file (" + Failures.cause(e) + ")");
            }
            KeyStore ks = openPkcs12(file, bytes, password);
            try {
                for (String alias : Collections.list(ks.aliases())) {
                    if (ks.getCertificate(alias) instanceof X509Certificate x) {
                        out.add(x);
                    }
                }
            } catch (GeneralSecurityException ex) {
                throw CliFailure.usage(file + ": " + Failures.cause(ex));
            }
        }
        if (out.isEmpty()) {
            throw CliFailure.usage(file + " holds no certificate");
        }
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliFailure.usage("no such file: " + file);
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + file + ": " + Failures.cause(e));
        }
    }

    private static boolean isPem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }

    private static final class PemContents {
        final List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key;
    }

    private static PemContents parsePem(Path file, byte[] bytes, String password) {
        PemContents out = new PemContents();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    out.certificates.add(certs.getCertificate(h));
                } else if (o instanceof PEMKeyPair kp) {
                    setKey(out, keys.getKeyPair(kp).getPrivate(), file);
                } else if (o instanceof PrivateKeyInfo pki) {
                    setKey(out, keys.getPrivateKey(pki), file);
                } else if (o instanceof PEMEncryptedKeyPair ekp) {
                    char[] pw = requirePassword(file, password);
                    PEMKeyPair kp = ekp.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(decryptionProvider()).build(pw));
                    setKey(out, keys.getKeyPair(kp).getPrivate(), file);
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo epki) {
                    char[] pw = requirePassword(file, password);
                    PrivateKeyInfo pki = epki.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .setProvider(decryptionProvider()).build(pw));
                    setKey(out, keys.getPrivateKey(pki), file);
                }
                // anything else (parameters, CRLs, public keys) has no place in a credential and is skipped
            }
        } catch (CliFailure e) {
            throw e;
        } catch (PEMException | PKCSException e) {
            throw CliFailure.usage(file + ": cannot read the key (" + Failures.cause(e)
                    + "); is " + PASSWORD_VARIABLE + " right?");
        } catch (IOException | CertificateException | OperatorCreationException | RuntimeException e) {
            throw CliFailure.usage(file + ": not a valid PEM file (" + Failures.cause(e) + ")");
        }
        return out;
    }

    private static void setKey(PemContents out, PrivateKey key, Path file) {
        if (out.key != null) {
            throw CliFailure.usage(file + " holds more than one private key; give one key per --key");
        }
        out.key = key;
    }

    private static char[] requirePassword(Path file, String password) {
        if (password == null) {
            throw CliFailure.usage(file + " holds an encrypted key: put its password in " + PASSWORD_VARIABLE);
        }
        return password.toCharArray();
    }

    /** A private instance: registering Bouncy Castle globally would change every other JCA user in the process. */
    private static BouncyCastleProvider decryptionProvider() {
        return new BouncyCastleProvider();
    }

    private static KeyStore openPkcs12(Path file, byte[] bytes, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), (password == null ? "" : password).toCharArray());
            return ks;
        } catch (IOException e) {
            throw CliFailure.usage(file + ": neither PEM nor a PKCS#12 file this password opens (" + Failures.cause(e)
                    + "; the password comes from " + PASSWORD_VARIABLE + ")");
        } catch (GeneralSecurityException e) {
            throw CliFailure.usage(file + ": cannot open as PKCS#12 (" + Failures.cause(e) + ")");
        }
    }

    private static Credential fromPkcs12(Path file, byte[] bytes, String password) {
        KeyStore ks = openPkcs12(file, bytes, password);
        char[] pw = (password == null ? "" : password).toCharArray();
        try {
            Credential found = null;
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                if (found != null) {
                    throw CliFailure.usage(file + " holds more than one key entry; export the one you want");
                }
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    throw CliFailure.usage(file + ": key entry '" + alias + "' has no certificate");
                }
                List<X509Certificate> x509 = new ArrayList<>();
                for (Certificate c : chain) {
                    x509.add((X509Certificate) c);
                }
                found = new Credential((PrivateKey) ks.getKey(alias, pw), x509, file.toString());
            }
            if (found == null) {
                throw CliFailure.usage(file + " holds no private key entry");
            }
            return found;
        } catch (GeneralSecurityException e) {
            throw CliFailure.usage(file + ": cannot read the key entry (" + Failures.cause(e) + ")");
        }
    }

    /** Proves by a signature that the key belongs to the certificate, so a wrong --key fails here, not mid-handshake. */
    private static void checkPair(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile) {
        PublicKey pub = cert.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm())) {
            throw CliFailure.usage(keyFile + " holds a " + key.getAlgorithm() + " key but " + certFile
                    + " certifies a " + pub.getAlgorithm() + " key");
        }
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (alg == null) {
            return;
        }
        try {
            byte[] probe = "sslkit key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(probe);
            if (!v.verify(sig)) {
                throw CliFailure.usage("the key in " + keyFile + " does not belong to the certificate in " + certFile);
            }
        } catch (GeneralSecurityException e) {
            throw CliFailure.usage("cannot check " + keyFile + " against " + certFile + ": " + Failures.cause(e));
        }
    }
}
