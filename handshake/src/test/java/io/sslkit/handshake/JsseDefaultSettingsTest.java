package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against SunJSSE with its default settings, in a child JVM: TLS 1.2 with the extended master secret (RFC 7627), which
 * JSSE insists on before it resumes a session.
 */
class JsseDefaultSettingsTest {
    @TempDir
    Path dir;

    @Test
    void tls12ResumesWithExtendedMasterSecret() throws Exception {
        TestPki pki = TestPki.get();
        Path p12 = dir.resolve("server.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", pki.server.key(), "pw".toCharArray(), pki.server.chain());
        try (FileOutputStream out = new FileOutputStream(p12.toFile())) {
            ks.store(out, "pw".toCharArray());
        }
        String suite = "TLS_RSA_WITH_AES_128_CBC_SHA256";
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JsseChildServer.class.getName(), p12.toString(), "pw",
                "TLSv1.2", suite, "2").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            int port = Integer.parseInt(lines.readLine().trim());
            SslConfig config = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                    .protocols(ProtocolVersion.TLS_1_2).cipherSuites(suite)
                    .trustAnchors(List.of(pki.ca.certificate())).build();
            String[] ids = new String[2];
            boolean[] resumed = new boolean[2];
            for (int i = 0; i < 2; i++) {
                try (SslSocket s = SslSocket.connect("127.0.0.1", port, config)) {
                    s.socket().setSoTimeout(20_000);
                    Echo.roundTrip(s.getInputStream(), s.getOutputStream(), Echo.randomBytes(20_000, i));
                    ids[i] = HexFormat.of().formatHex(s.session().id());
                    resumed[i] = s.session().resumed();
                }
                assertEquals("session " + ids[i], lines.readLine());
            }
            assertFalse(resumed[0]);
            assertTrue(resumed[1], "JSSE resumes only sessions with the extended master secret");
            assertEquals(ids[0], ids[1]);
        } finally {
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(p12);
        }
    }
}
