package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCredentialsTest {
    @TempDir
    Path home;

    @Test
    void generatesOnceKeepsInTheHomeFolderAndPrintsFingerprints() throws Exception {
        CliContext context = context();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        List<Credential> made = GeneratedCredentials.loadOrCreate(context, new PrintStream(first, true,
                StandardCharsets.UTF_8));
        assertEquals(3, made.size());
        Credential rsa = made.get(0);
        Credential dsa = made.get(1);
        Credential kea = made.get(2);
        assertEquals("KEA", kea.algorithm());
        assertEquals(2, kea.chain().size(), "a KEA key cannot sign: its certificate comes with its DSS issuer");
        kea.leaf().verify(kea.chain().get(1).getPublicKey());
        assertEquals(2048, ((RSAPublicKey) rsa.leaf().getPublicKey()).getModulus().bitLength());
        assertEquals(2048, ((DSAPublicKey) dsa.leaf().getPublicKey()).getParams().getP().bitLength());
        rsa.leaf().verify(rsa.leaf().getPublicKey());
        dsa.leaf().verify(dsa.leaf().getPublicKey());
        assertTrue(rsa.leaf().getSubjectX500Principal().getName().contains("CN=localhost"));

        Path folder = home.resolve("credentials");
        Path rsaKey = folder.resolve("server-rsa.key.pem");
        assertTrue(Files.exists(folder.resolve("server-rsa.crt.pem")));
        assertTrue(Files.exists(folder.resolve("server-dsa.key.pem")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rsaKey)));

        String printed = first.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("generated self-signed RSA certificate"), printed);
        assertTrue(printed.contains("SHA-256 fingerprint " + Fingerprints.sha256(rsa.leaf())), printed);
        assertTrue(printed.contains("SHA-256 fingerprint " + Fingerprints.sha256(dsa.leaf())), printed);
        assertTrue(printed.contains("generated KEA certificate for this run"), printed);
        assertTrue(printed.contains("SHA-256 fingerprint " + Fingerprints.sha256(kea.leaf())), printed);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        List<Credential> again = GeneratedCredentials.loadOrCreate(context, new PrintStream(second, true,
                StandardCharsets.UTF_8));
        assertEquals(rsa.leaf(), again.get(0).leaf(), "the kept certificate is reused");
        assertEquals(dsa.leaf(), again.get(1).leaf());
        assertNotEquals(kea.leaf(), again.get(2).leaf(), "a KEA key has no file format: each start makes a new one");
        assertTrue(second.toString(StandardCharsets.UTF_8).startsWith("using self-signed RSA certificate"));
    }

    @Test
    void fingerprintIsColonSeparatedSha256() throws Exception {
        List<Credential> made = GeneratedCredentials.loadOrCreate(context(), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String fp = Fingerprints.sha256(made.get(0).leaf());
        assertTrue(fp.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fp);
    }

    private CliContext context() {
        Map<String, String> env = Map.of(CliContext.HOME_VARIABLE, home.toString());
        return new CliContext(InputStream.nullInputStream(), System.out, System.err, env::get,
                Fixtures::rc4Registry);
    }
}
