package io.sslkit.api.spi.testing;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.KeyExchangeContext;
import io.sslkit.api.spi.WireReader;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * What the handshake gives a key exchange, for the key exchange modules' own tests: one side of one handshake. The
 * server's parameters are signed in the SSL 3.0 / TLS 1.0-1.1 "digitally-signed" form, a 2-byte vector around the
 * signature of client_random + server_random + params, by the module's {@link ParameterSignature}; an exchange that
 * signs nothing (FORTEZZA_KEA) has none, and a call to sign or verify is then a test failure.
 */
public final class TestExchangeContext implements KeyExchangeContext {
    public static final SecureRandom RANDOM = new SecureRandom();

    /** Signs and verifies client_random + server_random + params: RSA over MD5 || SHA-1, DSA over SHA-1. */
    public interface ParameterSignature {
        byte[] sign(PrivateKey key, byte[] signed) throws GeneralSecurityException;

        boolean verify(PublicKey key, byte[] signed, byte[] signature) throws GeneralSecurityException;
    }

    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final ParameterSignature signature;
    private PrivateKey serverPrivateKey;
    private ProtocolVersion version;
    private X509Certificate serverCertificate;
    private X509Certificate clientCertificate;
    private PrivateKey clientPrivateKey;
    private String bulkCipherName;
    private int minimumDhBits = 1024;

    private TestExchangeContext(ProtocolVersion version, byte[] clientRandom, byte[] serverRandom,
                                X509Certificate serverCertificate, PrivateKey serverPrivateKey,
                                ParameterSignature signature) {
        this.version = version;
        this.clientRandom = clientRandom;
        this.serverRandom = serverRandom;
        this.serverCertificate = serverCertificate;
        this.serverPrivateKey = serverPrivateKey;
        this.signature = signature;
    }

    /**
     * The server's context and the client's of one handshake, with fresh random values; only the server's holds the
     * server's private key.
     *
     * @param signature how the server's parameters are signed, or null when they are not
     */
    public static TestExchangeContext[] pair(ProtocolVersion version, X509Certificate serverCertificate,
                                             PrivateKey serverKey, ParameterSignature signature) {
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        RANDOM.nextBytes(clientRandom);
        RANDOM.nextBytes(serverRandom);
        return new TestExchangeContext[] {
            new TestExchangeContext(version, clientRandom, serverRandom, serverCertificate, serverKey, signature),
            new TestExchangeContext(version, clientRandom, serverRandom, serverCertificate, null, signature)
        };
    }

    /** The digests of {@code data} under each algorithm, concatenated (MD5 and SHA-1 give the 36 bytes RSA signs). */
    public static byte[] digest(byte[] data, String... algorithms) throws GeneralSecurityException {
        byte[] out = new byte[0];
        for (String algorithm : algorithms) {
            byte[] h = MessageDigest.getInstance(algorithm).digest(data);
            byte[] joined = Arrays.copyOf(out, out.length + h.length);
            System.arraycopy(h, 0, joined, out.length, h.length);
            out = joined;
        }
        return out;
    }

    public TestExchangeContext version(ProtocolVersion v) {
        this.version = v;
        return this;
    }

    public TestExchangeContext serverCertificate(X509Certificate certificate) {
        this.serverCertificate = certificate;
        return this;
    }

    public TestExchangeContext serverPrivateKey(PrivateKey key) {
        this.serverPrivateKey = key;
        return this;
    }

    public TestExchangeContext clientCertificate(X509Certificate certificate) {
        this.clientCertificate = certificate;
        return this;
    }

    public TestExchangeContext clientPrivateKey(PrivateKey key) {
        this.clientPrivateKey = key;
        return this;
    }

    public TestExchangeContext bulkCipherName(String name) {
        this.bulkCipherName = name;
        return this;
    }

    public TestExchangeContext minimumDhBits(int bits) {
        this.minimumDhBits = bits;
        return this;
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public int clientHelloVersion() {
        return version.wireValue();
    }

    @Override
    public byte[] clientRandom() {
        return clientRandom.clone();
    }

    @Override
    public byte[] serverRandom() {
        return serverRandom.clone();
    }

    @Override
    public SecureRandom random() {
        return RANDOM;
    }

    @Override
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    @Override
    public PrivateKey serverPrivateKey() {
        return serverPrivateKey;
    }

    @Override
    public X509Certificate clientCertificate() {
        return clientCertificate;
    }

    @Override
    public PrivateKey clientPrivateKey() {
        return clientPrivateKey;
    }

    @Override
    public String bulkCipherName() {
        return bulkCipherName;
    }

    @Override
    public int minimumDhBits() {
        return minimumDhBits;
    }

    @Override
    public byte[] signParameters(byte[] parameters) throws SslAlertException {
        try {
            byte[] s = signatureOrFail().sign(serverPrivateKey, signed(parameters));
            byte[] element = new byte[2 + s.length];
            element[0] = (byte) (s.length >>> 8);
            element[1] = (byte) s.length;
            System.arraycopy(s, 0, element, 2, s.length);
            return element;
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "signing failed", e);
        }
    }

    @Override
    public void verifyParameters(byte[] parameters, byte[] signatureElement) throws SslAlertException {
        ParameterSignature verifier = signatureOrFail();
        WireReader reader = new WireReader(signatureElement, version);
        byte[] s = reader.readVector16("signature", 0);
        reader.expectEnd("ServerKeyExchange");
        boolean valid;
        try {
            valid = verifier.verify(serverCertificate.getPublicKey(), signed(parameters), s);
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature", e);
        }
        if (!valid) {
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "bad ServerKeyExchange signature");
        }
    }

    private ParameterSignature signatureOrFail() {
        if (signature == null) {
            throw new AssertionError("this key exchange's parameters are not signed");
        }
        return signature;
    }

    private byte[] signed(byte[] parameters) {
        byte[] out = new byte[clientRandom.length + serverRandom.length + parameters.length];
        System.arraycopy(clientRandom, 0, out, 0, clientRandom.length);
        System.arraycopy(serverRandom, 0, out, clientRandom.length, serverRandom.length);
        System.arraycopy(parameters, 0, out, clientRandom.length + serverRandom.length, parameters.length);
        return out;
    }
}
