package io.sslkit.handshake.internal;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;

/** TLS 1.0-1.2 (RFC 2246/4346/5246 §8.1, §6.3, §7.4.9): everything from the version's PRF. */
final class TlsKeySchedule implements KeySchedule {
    private final ProtocolVersion version;
    private final Prf prf;
    private final Digests digests;
    private final String prfHash;

    /** {@code prfHash} is the TLS 1.2 PRF's hash, null before TLS 1.2. */
    TlsKeySchedule(ProtocolVersion version, Prf prf, Digests digests, String prfHash) {
        this.version = version;
        this.prf = prf;
        this.digests = digests;
        this.prfHash = prfHash;
    }

    @Override
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom)
            throws SslAlertException {
        return prf.compute(preMasterSecret, "master secret", Bytes.concat(clientRandom, serverRandom), 48);
    }

    @Override
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] handshakeMessages) throws SslAlertException {
        return prf.compute(preMasterSecret, "extended master secret", handshakeHash(handshakeMessages), 48);
    }

    /** The hash Finished and the session hash use: MD5 || SHA-1 before TLS 1.2, the PRF's hash in TLS 1.2. */
    private byte[] handshakeHash(byte[] handshakeMessages) throws SslAlertException {
        return prfHash != null ? digests.hash(prfHash, handshakeMessages)
                : Bytes.concat(digests.hash("MD5", handshakeMessages), digests.hash("SHA", handshakeMessages));
    }

    @Override
    public byte[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length)
            throws SslAlertException {
        return prf.compute(masterSecret, "key expansion", Bytes.concat(serverRandom, clientRandom), length);
    }

    @Override
    public byte[] finished(byte[] masterSecret, byte[] handshakeMessages, boolean sentByClient)
            throws SslAlertException {
        return prf.compute(masterSecret, sentByClient ? "client finished" : "server finished",
                handshakeHash(handshakeMessages), 12);
    }

    @Override
    public int finishedLength() {
        return 12;
    }

    @Override
    public byte[] certificateVerifyHash(byte[] masterSecret, byte[] handshakeMessages, String keyAlgorithm)
            throws SslAlertException {
        if (version == ProtocolVersion.TLS_1_2) {
            throw new IllegalStateException("TLS 1.2 signs with a negotiated hash");
        }
        byte[] sha = digests.hash("SHA", handshakeMessages);
        return "DSA".equals(keyAlgorithm) ? sha : Bytes.concat(digests.hash("MD5", handshakeMessages), sha);
    }

    /** final_client_write_key = PRF(client_write_key, "client write key", CR + SR) (RFC 2246 §6.3). */
    @Override
    public byte[] exportKey(byte[] writeKey, byte[] clientRandom, byte[] serverRandom, boolean client,
                            int keyLength) throws SslAlertException {
        return prf.compute(writeKey, client ? "client write key" : "server write key",
                Bytes.concat(clientRandom, serverRandom), keyLength);
    }

    /** iv_block = PRF("", "IV block", CR + SR): client IV first, server IV second. */
    @Override
    public byte[] exportIv(byte[] clientRandom, byte[] serverRandom, boolean client, int ivLength)
            throws SslAlertException {
        byte[] block = prf.compute(new byte[0], "IV block", Bytes.concat(clientRandom, serverRandom), 2 * ivLength);
        return Bytes.slice(block, client ? 0 : ivLength, ivLength);
    }
}
