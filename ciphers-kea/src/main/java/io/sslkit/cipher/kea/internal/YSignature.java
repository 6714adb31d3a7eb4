package io.sslkit.cipher.kea.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSASigner;

/**
 * FortezzaKeys.y_signature (RFC 6101 §5.6.7.2): "the signature of the KEA public key, signed with the client's DSS
 * private key", when the client's certificate is a DSS one and y_c carries its KEA key. 40 bytes are a DSS signature
 * with a 160-bit q, r then s, 20 bytes each big-endian; it signs the SHA-1 hash of the 128-byte y_c. When there is
 * nothing to sign with (no client certificate, or y_c empty) the field is all zeros.
 */
final class YSignature {
    static final int LENGTH = 40;
    private static final int HALF = LENGTH / 2;
    private static final int Q_BITS = HALF * 8;

    private YSignature() {
    }

    static byte[] sign(DSAPrivateKey key, byte[] yC, SecureRandom random) throws SslAlertException {
        DSAParams params = key.getParams();
        if (params == null || params.getQ().bitLength() != Q_BITS) {
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "y_signature needs a DSS key with a 160-bit q");
        }
        DSASigner signer = new DSASigner();
        signer.init(true, new ParametersWithRandom(new DSAPrivateKeyParameters(key.getX(), domain(params)), random));
        BigInteger[] rs = signer.generateSignature(sha1(yC));
        byte[] out = new byte[LENGTH];
        put(rs[0], out, 0);
        put(rs[1], out, HALF);
        return out;
    }

    static boolean verify(DSAPublicKey key, byte[] yC, byte[] signature) {
        DSAParams params = key.getParams();
        if (params == null || params.getQ().bitLength() != Q_BITS || signature.length != LENGTH) {
            return false;
        }
        DSASigner verifier = new DSASigner();
        verifier.init(false, new DSAPublicKeyParameters(key.getY(), domain(params)));
        // DSASigner refuses r or s outside 0 < . < q itself.
        return verifier.verifySignature(sha1(yC), new BigInteger(1, Arrays.copyOf(signature, HALF)),
                new BigInteger(1, Arrays.copyOfRange(signature, HALF, LENGTH)));
    }

    static boolean isEmpty(byte[] signature) {
        int any = 0;
        for (byte b : signature) {
            any |= b;
        }
        return any == 0;
    }

    private static void put(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int copy = Math.min(raw.length, HALF);
        System.arraycopy(raw, raw.length - copy, out, offset + HALF - copy, copy);
    }

    private static DSAParameters domain(DSAParams params) {
        return new DSAParameters(params.getP(), params.getQ(), params.getG());
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
