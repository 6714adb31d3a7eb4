package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.ProtocolVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.security.spec.AlgorithmParameterSpec;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The key schedule against an implementation nobody here wrote: the JDK's SunJCE TLS key generators (the ones
 * SunJSSE uses), for SSL 3.0, TLS 1.0 and TLS 1.2, including the export key derivation.
 */
class KeyScheduleKnownAnswerTest {
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.fromServiceLoader(
            KeyScheduleKnownAnswerTest.class.getClassLoader());
    static final Digests DIGESTS = Digests.of(REGISTRY);
    static final String SPEC = "sun.security.internal.spec.";

    final Random random = new Random(42);

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static Object spec(String name, Class<?>[] types, Object... args) throws Exception {
        Constructor<?> c = Class.forName(SPEC + name).getConstructor(types);
        return c.newInstance(args);
    }

    static SecretKey generate(String algorithm, Object spec) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance(algorithm);
        g.init((AlgorithmParameterSpec) spec);
        return g.generateKey();
    }

    static final Class<?>[] MASTER_TYPES = {SecretKey.class, int.class, int.class, byte[].class, byte[].class,
        String.class, int.class, int.class};

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"})
    void masterSecret(String name) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(name).orElseThrow();
        byte[] pms = bytes(48);
        pms[0] = 3;
        pms[1] = (byte) v.minor();
        byte[] cr = bytes(32);
        byte[] sr = bytes(32);
        boolean tls12 = v == ProtocolVersion.TLS_1_2;
        Object spec = spec("TlsMasterSecretParameterSpec", MASTER_TYPES,
                new SecretKeySpec(pms, "TlsRsaPremasterSecret"), 3, v.minor(), cr, sr,
                tls12 ? "SHA-256" : null, tls12 ? 32 : 0, tls12 ? 64 : 0);
        byte[] expected = generate(tls12 ? "SunTls12MasterSecret" : "SunTlsMasterSecret", spec).getEncoded();
        KeySchedule ours = KeySchedule.of(v, CipherSuites.byName("SSL_RSA_WITH_RC4_128_MD5").orElseThrow(), DIGESTS);
        assertArrayEquals(expected, ours.masterSecret(pms, cr, sr));
    }

    @Test
    void tls10Prf() throws Exception {
        // an odd-length secret exercises the overlapping halves of RFC 2246 §5
        for (int secretLength : new int[] {48, 47, 0}) {
            byte[] secret = bytes(secretLength);
            byte[] seed = bytes(64);
            Object spec = spec("TlsPrfParameterSpec", new Class<?>[] {SecretKey.class, String.class, byte[].class,
                int.class, String.class, int.class, int.class},
                    secretLength == 0 ? null : new SecretKeySpec(secret, "Generic"), "test label", seed, 100, null, 0,
                    0);
            byte[] expected = generate("SunTlsPrf", spec).getEncoded();
            assertArrayEquals(expected, Prf.tls10(DIGESTS).compute(secret, "test label", seed, 100),
                    "secret of " + secretLength);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256", "SHA384"})
    void tls12Prf(String hash) throws Exception {
        byte[] secret = bytes(48);
        byte[] seed = bytes(64);
        boolean sha384 = hash.equals("SHA384");
        Object spec = spec("TlsPrfParameterSpec", new Class<?>[] {SecretKey.class, String.class, byte[].class,
            int.class, String.class, int.class, int.class}, new SecretKeySpec(secret, "Generic"), "key expansion",
                seed, 150, sha384 ? "SHA-384" : "SHA-256", sha384 ? 48 : 32, sha384 ? 128 : 64);
        byte[] expected = generate("SunTls12Prf", spec).getEncoded();
        assertArrayEquals(expected, Prf.tls12(DIGESTS, hash).compute(secret, "key expansion", seed, 150));
    }

    /**
     * key_block and its partition, export expansion included: RC4_40 (key only) and DES40_CBC (key and IV) in SSL
     * 3.0 and TLS 1.0, DES_CBC with a key_block IV.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SSLv3:RC4:5:16:0", "TLSv1:RC4:5:16:0", "SSLv3:DES:5:8:8", "TLSv1:DES:5:8:8",
        "SSLv3:DES:8:8:8", "TLSv1:DESede:24:24:8"})
    void keyMaterial(String row) throws Exception {
        String[] f = row.split(":");
        ProtocolVersion v = ProtocolVersion.byName(f[0]).orElseThrow();
        int keyLength = Integer.parseInt(f[2]);
        int expanded = Integer.parseInt(f[3]);
        int ivLength = Integer.parseInt(f[4]);
        boolean export = keyLength != expanded;
        byte[] ms = bytes(48);
        byte[] cr = bytes(32);
        byte[] sr = bytes(32);
        int macLength = 20;
        Object spec = spec("TlsKeyMaterialParameterSpec", new Class<?>[] {SecretKey.class, int.class, int.class,
            byte[].class, byte[].class, String.class, int.class, int.class, int.class, int.class, String.class,
            int.class, int.class}, new SecretKeySpec(ms, "TlsMasterSecret"), 3, v.minor(), cr, sr, f[1], keyLength,
                // SunJCE reads a non-zero expanded length as "exportable"
                export ? expanded : 0, ivLength, macLength, null, 0, 0);
        Object material = generate("SunTlsKeyMaterial", spec);
        KeySchedule ours = KeySchedule.of(v, CipherSuites.byName("SSL_RSA_WITH_RC4_128_MD5").orElseThrow(), DIGESTS);
        int ivInBlock = export ? 0 : ivLength;
        byte[] kb = ours.keyBlock(ms, cr, sr, 2 * macLength + 2 * keyLength + 2 * ivInBlock);
        assertArrayEquals(key(material, "getClientMacKey"), Bytes.slice(kb, 0, macLength));
        assertArrayEquals(key(material, "getServerMacKey"), Bytes.slice(kb, macLength, macLength));
        byte[] clientKey = Bytes.slice(kb, 2 * macLength, keyLength);
        byte[] serverKey = Bytes.slice(kb, 2 * macLength + keyLength, keyLength);
        byte[] clientIv = ivLength == 0 ? null : Bytes.slice(kb, 2 * macLength + 2 * keyLength, ivInBlock);
        byte[] serverIv = ivLength == 0 ? null : Bytes.slice(kb, 2 * macLength + 2 * keyLength + ivInBlock,
                ivInBlock);
        if (export) {
            clientKey = ours.exportKey(clientKey, cr, sr, true, expanded);
            serverKey = ours.exportKey(serverKey, cr, sr, false, expanded);
            if (ivLength > 0) {
                clientIv = ours.exportIv(cr, sr, true, ivLength);
                serverIv = ours.exportIv(cr, sr, false, ivLength);
            }
        }
        assertArrayEquals(key(material, "getClientCipherKey"), clientKey);
        assertArrayEquals(key(material, "getServerCipherKey"), serverKey);
        if (ivLength > 0) {
            assertArrayEquals(iv(material, "getClientIv"), clientIv);
            assertArrayEquals(iv(material, "getServerIv"), serverIv);
        }
    }

    static byte[] key(Object material, String getter) throws Exception {
        Method m = material.getClass().getMethod(getter);
        return ((SecretKey) m.invoke(material)).getEncoded();
    }

    static byte[] iv(Object material, String getter) throws Exception {
        Method m = material.getClass().getMethod(getter);
        return ((IvParameterSpec) m.invoke(material)).getIV();
    }

    /** RFC 6101 §5.6.9: the Sender constants spell CLNT and SRVR. */
    @Test
    void ssl3SenderConstants() {
        assertEquals("CLNT", Ssl3KeySchedule.senderName(true));
        assertEquals("SRVR", Ssl3KeySchedule.senderName(false));
        assertEquals("434c4e54", HexFormat.of().formatHex(Ssl3KeySchedule.SENDER_CLIENT));
    }

    /** RFC 7627 against SunJCE's extended master secret generator, TLS 1.0 and TLS 1.2. */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.2"})
    void extendedMasterSecret(String name) throws Exception {
        ProtocolVersion v = ProtocolVersion.byName(name).orElseThrow();
        boolean tls12 = v == ProtocolVersion.TLS_1_2;
        byte[] pms = bytes(48);
        byte[] messages = bytes(700);
        byte[] sessionHash = tls12 ? DIGESTS.hash("SHA256", messages)
                : Bytes.concat(DIGESTS.hash("MD5", messages), DIGESTS.hash("SHA", messages));
        Object spec = spec("TlsMasterSecretParameterSpec", new Class<?>[] {SecretKey.class, int.class, int.class,
            byte[].class, String.class, int.class, int.class}, new SecretKeySpec(pms, "TlsRsaPremasterSecret"), 3,
                v.minor(), sessionHash, tls12 ? "SHA-256" : null, tls12 ? 32 : 0, tls12 ? 64 : 0);
        byte[] expected = generate(tls12 ? "SunTls12MasterSecret" : "SunTlsMasterSecret", spec).getEncoded();
        KeySchedule ours = KeySchedule.of(v, CipherSuites.byName("TLS_RSA_WITH_AES_128_CBC_SHA256").orElseThrow(),
                DIGESTS);
        assertArrayEquals(expected, ours.extendedMasterSecret(pms, messages));
    }
}
