package io.sslkit.handshake.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.cipher.kea.KeaCredentials;
import io.sslkit.handshake.testing.DeterministicRandom;
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
import java.util.List;

/**
 * Real {@link ExchangeContext}s as the handshakers build them, over a fixed PKI and fixed randoms, so that a key
 * exchange message made once (a seed) is accepted again in every later JVM: the RSA and DSA credentials are the fuzz
 * module's century-valid test keys, the KEA credential is generated from a fixed seed.
 */
final class KeyExchangeFixture {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.getDefault();
    static final List<String> EXCHANGES = List.of("RSA", "RSA_EXPORT", "DHE_DSS", "DHE_DSS_EXPORT", "FORTEZZA_KEA");
    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_0,
            ProtocolVersion.TLS_1_1, ProtocolVersion.TLS_1_2);
    /** Policy.LEGACY's minimum, which admits the export groups. */
    static final int MINIMUM_DH_BITS = 512;

    static final Credential RSA = load("rsa", "RSA");
    static final Credential DSA = load("dsa", "DSA");
    static final Credential KEA = kea();

    private static final byte[] CLIENT_RANDOM = filled(32, 0x11);
    private static final byte[] SERVER_RANDOM = filled(32, 0x22);

    record Credential(PrivateKey key, X509Certificate certificate) {
    }

    private KeyExchangeFixture() {
    }

    static KeyExchange exchange(String name) {
        return REGISTRY.keyExchange(name).orElseThrow();
    }

    static Credential serverCredential(KeyExchange exchange) {
        return switch (exchange.serverKeyAlgorithm()) {
            case "RSA" -> RSA;
            case "DSA" -> DSA;
            default -> KEA;
        };
    }

    /** The server's context: its key signs, its randomness comes from {@code seed} (so its DH key repeats). */
    static ExchangeContext server(KeyExchange exchange, ProtocolVersion version, String bulkCipher, long seed) {
        Credential c = serverCredential(exchange);
        return new ExchangeContext(version, version.wireValue(), CLIENT_RANDOM, SERVER_RANDOM,
                new DeterministicRandom(seed), c.certificate(), c.key(), Digests.of(REGISTRY), REGISTRY,
                Signatures.supported(REGISTRY), MINIMUM_DH_BITS, bulkCipher, false);
    }

    /** The client's context, after the server's certificate was accepted; it offered every signature algorithm. */
    static ExchangeContext client(KeyExchange exchange, ProtocolVersion version, String bulkCipher, long seed) {
        return new ExchangeContext(version, version.wireValue(), CLIENT_RANDOM, SERVER_RANDOM,
                new DeterministicRandom(seed), serverCredential(exchange).certificate(), null, Digests.of(REGISTRY),
                REGISTRY, Signatures.supported(REGISTRY), MINIMUM_DH_BITS, bulkCipher, false);
    }

    private static Credential kea() {
        try {
            KeaCredentials k = KeaCredentials.generate("localhost", new DeterministicRandom(0x4B4541));
            return new Credential(k.privateKey(), k.certificate());
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Credential load(String name, String algorithm) {
        try {
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(
                    pem("fuzz-pki/" + name + "-key.pem")));
            X509Certificate certificate;
            try (InputStream in = KeyExchangeFixture.class.getResourceAsStream("fuzz-pki/" + name + "-cert.pem")) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return new Credential(key, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static byte[] pem(String resource) throws IOException {
        try (InputStream in = KeyExchangeFixture.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
