package io.sslkit.cipher.dsa.internal;

import io.sslkit.api.spi.SignatureAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSASigner;

/**
 * DSA over a hash the handshake computed (FIPS 186; Bouncy Castle's DSASigner takes the hash, not the message), with
 * the signature as TLS carries it: Dss-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } in DER (RFC 5246 §4.7).
 */
public final class DsaSignature implements SignatureAlgorithm {
    /** SSL 3.0 and TLS 1.0-1.1 sign the SHA-1 hash alone with DSA. */
    private static final int SHA1_LENGTH = 20;

    @Override
    public String name() {
        return "DSA";
    }

    @Override
    public String keyAlgorithm() {
        return "DSA";
    }

    @Override
    public int tlsCode() {
        return 2;
    }

    @Override
    public byte[] sign(PrivateKey key, String hashName, byte[] hash, SecureRandom random)
            throws GeneralSecurityException {
        if (!(key instanceof DSAPrivateKey dsa) || dsa.getParams() == null) {
            throw new InvalidKeyException("not a DSA private key with domain parameters");
        }
        checkHash(hashName, hash);
        DSASigner signer = new DSASigner();
        signer.init(true, new ParametersWithRandom(new DSAPrivateKeyParameters(dsa.getX(), domain(dsa.getParams())),
                random));
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignatureException("cannot encode the DSA signature", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, String hashName, byte[] hash, byte[] signature)
            throws GeneralSecurityException {
        if (!(key instanceof DSAPublicKey dsa) || dsa.getParams() == null) {
            throw new InvalidKeyException("not a DSA public key with domain parameters");
        }
        checkHash(hashName, hash);
        BigInteger[] rs = decode(signature);
        if (rs == null) {
            return false;
        }
        DSASigner verifier = new DSASigner();
        verifier.init(false, new DSAPublicKeyParameters(dsa.getY(), domain(dsa.getParams())));
        // DSASigner itself refuses r or s outside 0 < . < q (FIPS 186-4 §4.7 step 1).
        return verifier.verifySignature(hash, rs[0], rs[1]);
    }

    /**
     * r and s from a DER Dss-Sig-Value, or null when the bytes are anything else. Re-encoding and comparing rejects
     * BER variants and trailing bytes, so one signature has exactly one accepted encoding.
     */
    static BigInteger[] decode(byte[] signature) {
        if (signature == null || signature.length == 0) {
            return null;
        }
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(signature);
            if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() != 2
                    || !(sequence.getObjectAt(0) instanceof ASN1Integer r)
                    || !(sequence.getObjectAt(1) instanceof ASN1Integer s)) {
                return null;
            }
            if (!Arrays.equals(signature, sequence.getEncoded(ASN1Encoding.DER))) {
                return null;
            }
            return new BigInteger[] {r.getValue(), s.getValue()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void checkHash(String hashName, byte[] hash) throws SignatureException {
        if (hash == null) {
            throw new SignatureException("no hash to sign");
        }
        int expected = hashName == null ? SHA1_LENGTH : hashLength(hashName);
        if (hash.length != expected) {
            throw new SignatureException((hashName == null ? "SHA-1" : hashName) + " hash must be " + expected
                    + " bytes, got " + hash.length);
        }
    }

    private static int hashLength(String hashName) throws SignatureException {
        return switch (hashName.toUpperCase(Locale.ROOT).replace("-", "")) {
            case "SHA", "SHA1" -> 20;
            case "SHA224" -> 28;
            case "SHA256" -> 32;
            case "SHA384" -> 48;
            case "SHA512" -> 64;
            default -> throw new SignatureException("DSA is not defined with hash " + hashName);
        };
    }

    private static DSAParameters domain(DSAParams params) {
        return new DSAParameters(params.getP(), params.getQ(), params.getG());
    }
}
