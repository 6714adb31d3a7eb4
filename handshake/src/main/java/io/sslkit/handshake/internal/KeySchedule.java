package io.sslkit.handshake.internal;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;

/**
 * What differs between SSL 3.0 and the TLS versions once the pre_master_secret exists: how the master secret, the
 * key_block, the Finished verify_data, the CertificateVerify hash and the export keys are computed.
 */
interface KeySchedule {

    static KeySchedule of(ProtocolVersion version, CipherSuite suite, Digests digests) {
        return switch (version) {
            case SSL_3_0 -> new Ssl3KeySchedule(digests);
            case TLS_1_0, TLS_1_1 -> new TlsKeySchedule(version, Prf.tls10(digests), digests, null);
            case TLS_1_2 -> new TlsKeySchedule(version, Prf.tls12(digests, suite.prfDigest()), digests,
                    suite.prfDigest());
        };
    }

    byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) throws SslAlertException;

    /**
     * The extended master secret of RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash),
     * where session_hash is the hash of the handshake messages up to and including ClientKeyExchange. TLS only.
     */
    byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] handshakeMessages) throws SslAlertException;

    byte[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length)
            throws SslAlertException;

    /** Finished.verify_data over the handshake messages so far, for the given sender. */
    byte[] finished(byte[] masterSecret, byte[] handshakeMessages, boolean sentByClient) throws SslAlertException;

    int finishedLength();

    /**
     * The hash a pre-TLS 1.2 CertificateVerify signs (RSA: MD5 || SHA, DSA: SHA); TLS 1.2 signs the transcript
     * hashed with a negotiated hash instead (see {@link Signatures}).
     */
    byte[] certificateVerifyHash(byte[] masterSecret, byte[] handshakeMessages, String keyAlgorithm)
            throws SslAlertException;

    /** The final write key of an export cipher from the key_block's short key (RFC 6101 §6.2.2, RFC 2246 §6.3). */
    byte[] exportKey(byte[] writeKey, byte[] clientRandom, byte[] serverRandom, boolean client, int keyLength)
            throws SslAlertException;

    /** The IV of an export cipher, which is not taken from the key_block. */
    byte[] exportIv(byte[] clientRandom, byte[] serverRandom, boolean client, int ivLength) throws SslAlertException;
}
