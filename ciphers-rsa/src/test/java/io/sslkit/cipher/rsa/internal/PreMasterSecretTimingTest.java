package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.testing.TestExchangeContext;
import io.sslkit.record.testing.TimingHarness;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in (not in CI): does the server's decryption of ClientKeyExchange take measurably different time for a valid
 * PKCS#1 block than for the blocks Bleichenbacher's attack and its variants (Klima-Pokorny-Rosa's version check,
 * ROBOT) probe with? Welch's t over interleaved trials of RsaServer.processClientKeyExchange, the server's real entry.
 *
 * <p>Run with {@code mvn -o -q -pl ciphers-rsa test -Dsslkit.timing=true -Dtest='*TimingTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}; see {@link TimingHarness} for the method and its knobs.
 */
@EnabledIfSystemProperty(named = "sslkit.timing", matches = "true")
class PreMasterSecretTimingTest {
    private static final int BITS = 2048;
    private static final int K = BITS / 8;
    private static final ProtocolVersion VERSION = ProtocolVersion.TLS_1_2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VALID = "valid";

    private final TestCredentials credentials = TestCredentials.rsa(BITS);
    private final RSAPublicKey publicKey = (RSAPublicKey) credentials.keyPair().getPublic();

    /** EM = 00 02 PS 00 client_version random[46] (RFC 5246 §7.4.7.1 inside RFC 8017 §7.2.1), fresh each time. */
    private static byte[] block() {
        byte[] em = new byte[K];
        em[1] = 2;
        for (int i = 2; i < K - 49; i++) {
            em[i] = (byte) (1 + RANDOM.nextInt(255));
        }
        em[K - 48] = (byte) VERSION.major();
        em[K - 47] = (byte) VERSION.minor();
        for (int i = K - 46; i < K; i++) {
            em[i] = (byte) RANDOM.nextInt(256);
        }
        return em;
    }

    private byte[] clientKeyExchange(byte[] em) {
        BigInteger c = new BigInteger(1, em).modPow(publicKey.getPublicExponent(), publicKey.getModulus());
        return EncryptedPreMasterSecret.encode(VERSION, RsaPrivateOperation.toFixedLength(c, K));
    }

    /**
     * A class of ClientKeyExchange messages whose block is damaged by {@code damage}. The check proves each input
     * really is of its class: a valid block gives its own secret back, a damaged one a 48-byte substitute.
     */
    private TimingHarness.Input input(String name, KeyExchange.Server server, boolean valid,
            Consumer<byte[]> damage) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TimingHarness.Trial prepare() {
                byte[] em = block();
                damage.accept(em);
                byte[] body = clientKeyExchange(em);
                byte[] encoded = Arrays.copyOfRange(em, K - 48, K);
                return new TimingHarness.Trial() {
                    @Override
                    public Object run() throws Exception {
                        return server.processClientKeyExchange(body);
                    }

                    @Override
                    public void check(Object outcome) {
                        byte[] secret = assertInstanceOf(byte[].class, outcome, name);
                        assertEquals(48, secret.length, name);
                        if (valid) {
                            assertArrayEquals(encoded, secret, name);
                        } else {
                            assertFalse(Arrays.equals(encoded, secret), name + " was accepted");
                        }
                    }
                };
            }
        };
    }

    /**
     * The positive control: a valid block whose decryption is followed by a thrown and caught exception, which is
     * what a server that reports bad padding with an exception (as the JDK's PKCS#1 cipher does) adds to the bad
     * cases. If the run cannot tell this apart from a valid block, it is too noisy to vouch for anything.
     */
    private TimingHarness.Input throwingControl(KeyExchange.Server server) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return "control:throws";
            }

            @Override
            public TimingHarness.Trial prepare() {
                byte[] body = clientKeyExchange(block());
                return new TimingHarness.Trial() {
                    @Override
                    public Object run() throws Exception {
                        server.processClientKeyExchange(body);
                        throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad PKCS#1 padding");
                    }

                    @Override
                    public void check(Object outcome) {
                        assertInstanceOf(SslAlertException.class, outcome);
                    }
                };
            }
        };
    }

    @Test
    void decryptionTimeDoesNotDependOnWhichCheckFails() throws Exception {
        TestExchangeContext[] contexts = TestContext.pair(VERSION, credentials);
        KeyExchange.Server server = new RsaKeyExchange().newServer(contexts[0]);
        server.serverKeyExchange(); // what a handshake does first: it fixes the decryption key

        List<TimingHarness.Input> inputs = List.of(
                input(VALID, server, true, em -> { }),
                // Block type 01 instead of 02: the PKCS#1 conformance check of Bleichenbacher's oracle.
                input("bad-padding", server, false, em -> em[1] = 1),
                // SSL 3.0 in a TLS 1.2 ClientHello's secret: the version-rollback check (Klima-Pokorny-Rosa 2003).
                input("wrong-version", server, false, em -> {
                    em[K - 48] = 3;
                    em[K - 47] = 0;
                }),
                // The zero separator eleven bytes early: a well-padded block, but a 59-byte secret.
                input("wrong-length", server, false, em -> {
                    em[K - 49] = 1;
                    em[K - 60] = 0;
                }),
                throwingControl(server));
        TimingHarness.Result result = TimingHarness.measure(inputs, 200, 20_000, 75);
        System.out.printf("RSA-%d ClientKeyExchange, %s: %d rounds in %.1f s, seed %d, trimmed top %d %%, load %s%n",
                BITS, VERSION, result.rounds(), result.seconds(), result.seed(), TimingHarness.TRIM_PERCENT,
                TimingHarness.loadAverage());
        for (String bad : List.of("bad-padding", "wrong-version", "wrong-length", "control:throws")) {
            System.out.println(result.describe(VALID, bad));
        }
        assertTrue(Math.abs(result.t(VALID, "control:throws")) >= TimingHarness.T_THRESHOLD,
                "too noisy to conclude: the run cannot see one thrown exception; " + result.describe(VALID,
                        "control:throws"));
        for (String bad : List.of("bad-padding", "wrong-version", "wrong-length")) {
            assertTrue(Math.abs(result.t(VALID, bad)) < TimingHarness.T_THRESHOLD, result.describe(VALID, bad));
        }
    }
}
