package io.sslkit.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * A certificate authority for clients and one DSA-1024 client certificate under it, made at test time with the JDK's
 * keytool (Bouncy Castle is kept off the test class path, see the pom) and written as the PEM files a user hands to
 * {@code --trust} and to {@code --cert/--key}. Nothing is checked in: each run makes its own.
 */
record DsaClientPki(Path caCertificate, Path clientCertificate, Path clientKey, String clientSubject) {
    /** A throwaway password for throwaway key stores; the key leaves them as an unencrypted PKCS#8 PEM file. */
    private static final String STORE_PASSWORD = "fortezza-it";

    static DsaClientPki create(Path dir, String clientName) throws IOException, InterruptedException,
            GeneralSecurityException {
        Files.createDirectories(dir);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path caStore = dir.resolve("clients-ca.p12");
        Path clientStore = dir.resolve("client.p12");
        Path request = dir.resolve("client.csr");
        DsaClientPki pki = new DsaClientPki(dir.resolve("clients-ca.pem"), dir.resolve("client.pem"),
                dir.resolve("client.key"), "CN=" + clientName);

        // bc:c makes it a CA, which PKIX demands of the certificate that signs the client's
        ChildProcess.tool(dir, keytool, "-genkeypair", "-alias", "ca", "-keyalg", "DSA", "-keysize", "2048",
                "-dname", "CN=sslkit test clients CA", "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", caStore.toString(), "-storepass", STORE_PASSWORD);
        ChildProcess.tool(dir, keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", pki.caCertificate.toString());

        // 1024 bits, so a 160-bit q: in a FORTEZZA_KEA exchange the client's DSS key also signs y_c, and
        // FortezzaKeys.y_signature[40] (RFC 6101 §5.6.7) holds exactly two 20-byte values, r and s
        ChildProcess.tool(dir, keytool, "-genkeypair", "-alias", "client", "-keyalg", "DSA", "-keysize", "1024",
                "-dname", pki.clientSubject, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", clientStore.toString(), "-storepass", STORE_PASSWORD);
        ChildProcess.tool(dir, keytool, "-certreq", "-alias", "client", "-keystore", clientStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", request.toString());
        // the client signs its CertificateVerify with this key, so the certificate must allow signatures
        ChildProcess.tool(dir, keytool, "-gencert", "-alias", "ca", "-keystore", caStore.toString(),
                "-storepass", STORE_PASSWORD, "-infile", request.toString(), "-outfile",
                pki.clientCertificate.toString(), "-rfc", "-validity", "2", "-ext", "ku:c=digitalSignature");

        Files.writeString(pki.clientKey, pem("PRIVATE KEY", privateKey(clientStore, "client").getEncoded()),
                StandardCharsets.US_ASCII);
        return pki;
    }

    private static PrivateKey privateKey(Path store, String alias) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        Key key = ks.getKey(alias, STORE_PASSWORD.toCharArray());
        if (!(key instanceof PrivateKey pk)) {
            throw new AssertionError(store + " holds no private key under " + alias);
        }
        return pk;
    }

    /** RFC 7468 textual encoding: base64 in 64-character lines between the label's boundaries. */
    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
