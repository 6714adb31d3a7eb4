package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAKey;

/**
 * The signatures of ServerKeyExchange and CertificateVerify. Before TLS 1.2 the hash is fixed by the key type (RSA:
 * MD5 || SHA, DSA: SHA) and the signature element is bare; TLS 1.2 signs with a negotiated hash and prefixes the
 * SignatureAndHashAlgorithm (RFC 5246 §7.4.1.4.1).
 */
final class Signatures {
    static final int HASH_MD5 = 1;
    static final int HASH_SHA1 = 2;
    static final int HASH_SHA256 = 4;
    static final int HASH_SHA384 = 5;

    /** Our preference for TLS 1.2 signatures, strongest common first. */
    private static final int[] HASH_PREFERENCE = {HASH_SHA256, HASH_SHA384, HASH_SHA1};

    private Signatures() {
    }

    static String hashName(int code) {
        return switch (code) {
            case HASH_MD5 -> "MD5";
            case HASH_SHA1 -> "SHA";
            case HASH_SHA256 -> "SHA256";
            case HASH_SHA384 -> "SHA384";
            default -> null;
        };
    }

    static SignatureAlgorithm forKey(AlgorithmRegistry registry, String keyAlgorithm) throws SslAlertException {
        for (SignatureAlgorithm s : registry.signatures()) {
            if (s.keyAlgorithm().equals(keyAlgorithm)) {
                return s;
            }
        }
        throw new SslAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                "no signature module for " + keyAlgorithm + " keys");
    }

    /** The signature_algorithms we accept in TLS 1.2: every hash we have with every signature module we have. */
    static int[] supported(AlgorithmRegistry registry) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int hash : HASH_PREFERENCE) {
            if (registry.digest(hashName(hash)).isEmpty()) {
                continue;
            }
            for (SignatureAlgorithm s : registry.signatures()) {
                out.add((hash << 8) | s.tlsCode());
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The TLS 1.2 hash for a signature by {@code signature}, from what the peer listed (absent: SHA-1, as RFC 5246
     * §7.4.1.4.1 prescribes). A hash at least {@code minimumBits} long comes first: a DSA signature keeps only the
     * leftmost bits of the hash up to the length of q (FIPS 186-4 §4.6), so SHA-1 under a 256-bit q would leave a
     * 2048-bit key with a 160-bit hash's strength. Only when the peer lists no such hash does a shorter one serve.
     */
    static int chooseHash(AlgorithmRegistry registry, SignatureAlgorithm signature, int[] peerList, int minimumBits)
            throws SslAlertException {
        if (peerList == null) {
            return HASH_SHA1;
        }
        for (boolean longEnoughOnly : new boolean[] {true, false}) {
            for (int hash : HASH_PREFERENCE) {
                if (registry.digest(hashName(hash)).isEmpty() || longEnoughOnly && hashBits(hash) < minimumBits) {
                    continue;
                }
                for (int p : peerList) {
                    if (p == ((hash << 8) | signature.tlsCode())) {
                        return hash;
                    }
                }
            }
        }
        throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                "no common hash for " + signature.name() + " signatures");
    }

    private static int hashBits(int code) {
        return switch (code) {
            case HASH_MD5 -> 128;
            case HASH_SHA1 -> 160;
            case HASH_SHA256 -> 256;
            case HASH_SHA384 -> 384;
            default -> 0;
        };
    }

    /** The hash length a key's signatures can use in full: the bits of q for DSA, no constraint otherwise. */
    static int minimumHashBits(PrivateKey key) {
        return key instanceof DSAKey dsa && dsa.getParams() != null ? dsa.getParams().getQ().bitLength() : 0;
    }

    /** Signs {@code data}: {@code legacyHash} is the pre-TLS 1.2 hash of it, computed by the caller. */
    static DigitallySigned sign(Digests digests, AlgorithmRegistry registry, PrivateKey key, boolean tls12,
                                int[] peerList, byte[] data, byte[] legacyHash, SecureRandom random)
            throws SslAlertException {
        SignatureAlgorithm alg = forKey(registry, key.getAlgorithm());
        try {
            if (!tls12) {
                return new DigitallySigned(-1, alg.sign(key, null, legacyHash, random));
            }
            int hash = chooseHash(registry, alg, peerList, minimumHashBits(key));
            byte[] h = digests.hash(hashName(hash), data);
            return new DigitallySigned((hash << 8) | alg.tlsCode(), alg.sign(key, hashName(hash), h, random));
        } catch (GeneralSecurityException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a signature element; any mismatch is decrypt_error (TLS) as RFC 5246 §7.2.2 names it. With
     * {@code ignoreResult} (test-only fuzzer mode, see {@code Connection.enableFuzzerMode}) the algorithm and the
     * signature are still checked and computed, but a signature that does not verify passes.
     */
    static void verify(Digests digests, AlgorithmRegistry registry, PublicKey key, boolean tls12, int[] ourList,
                       DigitallySigned signed, byte[] data, byte[] legacyHash, String what, boolean ignoreResult)
            throws SslAlertException {
        SignatureAlgorithm alg = forKey(registry, key.getAlgorithm());
        String hashName = null;
        byte[] hash = legacyHash;
        if (tls12) {
            if (signed.signatureCode() != alg.tlsCode()) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        what + ": signature algorithm " + signed.signatureCode() + " does not fit a "
                                + key.getAlgorithm() + " key");
            }
            hashName = hashName(signed.hash());
            boolean listed = false;
            for (int a : ourList) {
                listed |= a == signed.hashAndSignature();
            }
            if (hashName == null || !listed) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        what + ": hash " + signed.hash() + " was not offered");
            }
            hash = digests.hash(hashName, data);
        }
        boolean ok;
        try {
            ok = alg.verify(key, hashName, hash, signed.signature());
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok && !ignoreResult) {
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, what + ": signature does not verify");
        }
    }

    /**
     * Pre-TLS 1.2 ServerKeyExchange hash: MD5(CR + SR + params) || SHA(CR + SR + params) for RSA, SHA alone for
     * DSA.
     */
    static byte[] legacyParamsHash(Digests digests, String keyAlgorithm, byte[] signedData) throws SslAlertException {
        byte[] sha = digests.hash("SHA", signedData);
        return "DSA".equals(keyAlgorithm) ? sha : Bytes.concat(digests.hash("MD5", signedData), sha);
    }
}
