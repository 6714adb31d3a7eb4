package io.sslkit.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenSSL 3 as a TLS peer (it has no SSL 3.0): our client against {@code openssl s_server -rev} with client
 * authentication. A smoke test for the TLS versions until the TLS issue brings the full matrix.
 */
class OpenSslSmokeTest {
    @TempDir
    Path dir;

    static boolean opensslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @ParameterizedTest
    @CsvSource({"-tls1, TLSv1, NULL-SHA", "-tls1_1, TLSv1.1, AES128-SHA", "-tls1_2, TLSv1.2, AES128-SHA256",
        "-tls1_2, TLSv1.2, AES256-SHA"})
    void ourClientWithOpensslServer(String flag, String protocol, String cipher) throws Exception {
        assumeTrue(opensslPresent(), "openssl is not installed");
        TestPki pki = TestPki.get();
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        Path ca = dir.resolve("ca.pem");
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : pki.server.chain()) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        Files.writeString(cert, chain);
        Files.writeString(key, pem("PRIVATE KEY", pki.server.key().getEncoded()));
        Files.writeString(ca, pem("CERTIFICATE", pki.ca.certificate().getEncoded()));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
                "-cert", cert.toString(), "-key", key.toString(), flag, "-cipher", cipher + ":@SECLEVEL=0",
                "-Verify", "1", "-CAfile", ca.toString(), "-rev").redirectErrorStream(true).start();
        try {
            // a TCP probe would count as s_server's one accept: wait for it to say it listens instead
            BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            while ((line = log.readLine()) != null && !line.startsWith("ACCEPT")) {
                // startup chatter
            }
            SslConfig config = SslConfig.client().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                    .protocols(ProtocolVersion.values()).cipherSuites(cipher)
                    .trustAnchors(List.of(pki.ca.certificate())).credential(pki.client.key(), pki.client.chain())
                    .build();
            try (SslSocket s = SslSocket.connect("127.0.0.1", port, config)) {
                s.socket().setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write("hello sslkit\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                assertEquals("tiklss olleh", in.readLine());
                assertEquals(protocol, s.session().protocol().standardName());
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @CsvSource({"-tls1, NULL-MD5", "-tls1_2, AES128-SHA256"})
    void opensslClientWithOurServer(String flag, String cipher) throws Exception {
        assumeTrue(opensslPresent(), "openssl is not installed");
        TestPki pki = TestPki.get();
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client.key");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(cert, pem("CERTIFICATE", pki.client.certificate().getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", pki.client.key().getEncoded()));
        Files.writeString(ca, pem("CERTIFICATE", pki.ca.certificate().getEncoded()));
        SslConfig config = SslConfig.server().policy(Policy.LEGACY).registry(LoopbackHandshakeTest.REGISTRY)
                .credential(pki.server.key(), pki.server.chain()).trustAnchors(List.of(pki.ca.certificate()))
                .clientAuth(ClientAuth.NEED).build();
        try (ServerSocket ss = new ServerSocket(0, 5, Jsse.LOOPBACK)) {
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + ss.getLocalPort(),
                    flag, "-cipher", cipher + ":@SECLEVEL=0", "-CAfile", ca.toString(), "-verify_return_error",
                    "-cert", cert.toString(), "-key", key.toString(), "-ign_eof", "-quiet")
                    .redirectErrorStream(true).start();
            try {
                client.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().close();
                ss.setSoTimeout(20_000);
                SslSession session;
                try (SslSocket s = SslSocket.accept(ss, config)) {
                    s.socket().setSoTimeout(20_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    String line = in.readLine();
                    s.getOutputStream().write(("pong " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                    session = s.session();
                }
                String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertEquals(true, output.contains("pong ping"), output);
                assertEquals(pki.client.certificate(), session.peerCertificates().get(0));
            } finally {
                client.destroy();
                client.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
