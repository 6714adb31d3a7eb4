package io.sslkit.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** A self-signed RSA certificate and its PKCS#8 key written as PEM files, for tests outside this package. */
public final class TestCredentials {
    private TestCredentials() {
    }

    /** Returns {certificate file, key file}. */
    public static Path[] writeRsa(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        Path cert = Files.writeString(dir.resolve("test.crt"),
                GeneratedCredentials.pem("CERTIFICATE", GeneratedCredentials.selfSigned(kp, "RSA").getEncoded()));
        Path key = Files.writeString(dir.resolve("test.key"),
                GeneratedCredentials.pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
        return new Path[] {cert, key};
    }
}
