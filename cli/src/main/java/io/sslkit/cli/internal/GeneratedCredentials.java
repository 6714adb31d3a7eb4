package io.sslkit.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's credentials when the user names none: a self-signed RSA-2048 and a DSA-2048 certificate for
 * localhost / 127.0.0.1, made on first use and kept in {@code $SSLKIT_HOME/credentials} (else
 * {@code ~/.sslkit/credentials}) as PEM files, so that a client can pin them with {@code --trust}; plus, when the KEA
 * module is present, a KEA certificate made for the run (see {@link GeneratedKeaCredential}).
 */
public final class GeneratedCredentials {
    /** The algorithms generated, each giving the files {@code server-<alg>.crt.pem} and {@code server-<alg>.key.pem}. */
    public static final List<String> ALGORITHMS = List.of("RSA", "DSA");

    private static final String SERVER = "server";
    private static final int KEY_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(825);

    private GeneratedCredentials() {
    }

    public static Path folder(CliContext context) {
        return context.home().resolve("credentials");
    }

    public static Path certFile(Path folder, String algorithm) {
        return certFile(folder, SERVER, algorithm);
    }

    public static Path keyFile(Path folder, String algorithm) {
        return keyFile(folder, SERVER, algorithm);
    }

    static Path certFile(Path folder, String role, String algorithm) {
        return folder.resolve(role + "-" + algorithm.toLowerCase(Locale.ROOT) + ".crt.pem");
    }

    static Path keyFile(Path folder, String role, String algorithm) {
        return folder.resolve(role + "-" + algorithm.toLowerCase(Locale.ROOT) + ".key.pem");
    }

    /**
     * Loads the kept credentials, generating the ones missing, and tells {@code out} where they are and their
     * fingerprints (the only thing a client can check a self-signed certificate by).
     */
    public static List<Credential> loadOrCreate(CliContext context, PrintStream out) {
        List<Credential> all = new ArrayList<>(loadOrCreate(context, out, SERVER, ALGORITHMS));
        GeneratedKeaCredential.generate(out).ifPresent(all::add);
        return all;
    }

    /** The demo's client certificate (RSA), kept beside the server's as {@code demo-client-rsa.*.pem}. */
    static Credential demoClient(CliContext context, PrintStream out) {
        return loadOrCreate(context, out, "demo-client", List.of("RSA")).get(0);
    }

    private static synchronized List<Credential> loadOrCreate(CliContext context, PrintStream out, String role,
                                                              List<String> algorithms) {
        Path folder = folder(context);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CliFailure("cannot create " + folder + ": " + Failures.cause(e) + " (set "
                    + CliContext.HOME_VARIABLE + " to a writable folder, or give --cert and --key)");
        }
        // another sslkit process may be starting with the same folder: one generates, the other waits and reads
        try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            return loadOrCreateLocked(folder, out, role, algorithms);
        } catch (IOException e) {
            throw new CliFailure("cannot lock " + folder + ": " + Failures.cause(e));
        }
    }

    private static List<Credential> loadOrCreateLocked(Path folder, PrintStream out, String role,
                                                       List<String> algorithms) {
        List<Credential> result = new ArrayList<>();
        for (String alg : algorithms) {
            Path cert = certFile(folder, role, alg);
            Path key = keyFile(folder, role, alg);
            boolean made = false;
            if (!Files.exists(cert) || !Files.exists(key)) {
                create(folder, role, alg, cert, key);
                made = true;
            }
            Credential c = CredentialFiles.load(cert, key, null);
            out.println((made ? "generated" : "using") + " self-signed " + alg + " certificate " + cert
                    + "\n  SHA-256 fingerprint " + Fingerprints.sha256(c.leaf()));
            result.add(c);
        }
        return result;
    }

    private static void create(Path folder, String role, String alg, Path certPath, Path keyPath) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance(alg);
            kpg.initialize(KEY_BITS, new SecureRandom());
            KeyPair kp = kpg.generateKeyPair();
            X509Certificate cert = selfSigned(kp, alg, role);
            // key first, and each file complete before it appears, so a concurrent start never reads half a file
            writeAtomically(keyPath, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), true);
            writeAtomically(certPath, pem("CERTIFICATE", cert.getEncoded()), false);
        } catch (IOException e) {
            throw new CliFailure("cannot write the generated credentials to " + folder + ": " + Failures.cause(e)
                    + " (set " + CliContext.HOME_VARIABLE + " to a writable folder, or give --cert and --key)");
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new CliFailure("cannot generate a " + alg + " certificate: " + Failures.cause(e));
        }
    }

    static X509Certificate selfSigned(KeyPair kp, String alg)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        return selfSigned(kp, alg, SERVER);
    }

    static X509Certificate selfSigned(KeyPair kp, String alg, String role)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=localhost, O=sslkit, OU=generated " + alg + " " + role + " certificate");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        int usage = alg.equals("RSA") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        String sigAlg = alg.equals("RSA") ? "SHA256withRSA" : "SHA256withDSA";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(kp.getPrivate())));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                restrict(tmp);
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own access rules apply
        }
    }
}
