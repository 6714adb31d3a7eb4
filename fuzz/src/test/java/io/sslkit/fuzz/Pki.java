package io.sslkit.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A fixed, committed test PKI (src/test/resources/pki, made once with openssl, valid for a century): corpus files
 * carry ClientKeyExchange bodies and certificates, so the server key and certificates must be the same in every run
 * or a saved input would mean something else when replayed. Never use these keys outside tests.
 */
final class Pki {
    record Identity(PrivateKey key, X509Certificate certificate) {
    }

    static final Identity RSA = load("rsa", "RSA");
    static final Identity DSA = load("dsa", "DSA");

    private Pki() {
    }

    private static Identity load(String name, String algorithm) {
        try {
            byte[] der = pem("pki/" + name + "-key.pem");
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            X509Certificate cert;
            try (InputStream in = resource("pki/" + name + "-cert.pem")) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return new Identity(key, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test PKI " + name + " unusable", e);
        }
    }

    private static byte[] pem(String path) throws IOException {
        try (InputStream in = resource(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Pki.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing test resource " + path);
        }
        return in;
    }
}
