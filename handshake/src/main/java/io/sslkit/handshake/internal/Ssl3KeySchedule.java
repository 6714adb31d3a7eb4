package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import java.nio.charset.StandardCharsets;

/** The SSL 3.0 constructions of RFC 6101 §6.1, §6.2.2, §5.6.8 and §5.6.9, built from MD5 and SHA. */
final class Ssl3KeySchedule implements KeySchedule {
    static final byte[] SENDER_CLIENT = {0x43, 0x4C, 0x4E, 0x54};
    static final byte[] SENDER_SERVER = {0x53, 0x52, 0x56, 0x52};
    private static final int MD5_PAD = 48;
    private static final int SHA_PAD = 40;

    private final Digests digests;

    Ssl3KeySchedule(Digests digests) {
        this.digests = digests;
    }

    /**
     * master_secret = MD5(pre + SHA('A' + pre + CR + SR)) + MD5(pre + SHA('BB' + ...)) + MD5(pre + SHA('CCC' +
     * ...)).
     */
    @Override
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom)
            throws SslAlertException {
        return expand(preMasterSecret, Bytes.concat(clientRandom, serverRandom), 48);
    }

    /** SSL 3.0 has no extensions, so no extended master secret. */
    @Override
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] handshakeMessages) {
        throw new IllegalStateException("SSL 3.0 has no extended master secret");
    }

    /** key_block: the same construction over the master secret, with the randoms the other way round. */
    @Override
    public byte[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length)
            throws SslAlertException {
        return expand(masterSecret, Bytes.concat(serverRandom, clientRandom), length);
    }

    private byte[] expand(byte[] secret, byte[] randoms, int length) throws SslAlertException {
        byte[] out = new byte[length];
        int filled = 0;
        for (int i = 1; filled < length; i++) {
            if (i > 26) {
                // the salt letters run 'A' to 'Z': more than 26 * 16 bytes has no definition
                throw new IllegalArgumentException("SSL 3.0 key expansion beyond 416 bytes");
            }
            byte[] salt = Bytes.repeat('A' + i - 1, i);
            byte[] inner = digests.hash("SHA", salt, secret, randoms);
            byte[] chunk = digests.hash("MD5", secret, inner);
            int n = Math.min(chunk.length, length - filled);
            System.arraycopy(chunk, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /**
     * md5_hash = MD5(master_secret + pad_2 + MD5(handshake_messages + Sender + master_secret + pad_1)), sha_hash
     * likewise with SHA; verify_data is the two concatenated.
     */
    @Override
    public byte[] finished(byte[] masterSecret, byte[] handshakeMessages, boolean sentByClient)
            throws SslAlertException {
        byte[] sender = sentByClient ? SENDER_CLIENT : SENDER_SERVER;
        return Bytes.concat(padded("MD5", MD5_PAD, masterSecret, handshakeMessages, sender),
                padded("SHA", SHA_PAD, masterSecret, handshakeMessages, sender));
    }

    @Override
    public int finishedLength() {
        return 36;
    }

    /** CertificateVerify: the Finished construction without a Sender (RFC 6101 §5.6.8). */
    @Override
    public byte[] certificateVerifyHash(byte[] masterSecret, byte[] handshakeMessages, String keyAlgorithm)
            throws SslAlertException {
        byte[] sha = padded("SHA", SHA_PAD, masterSecret, handshakeMessages, new byte[0]);
        if ("DSA".equals(keyAlgorithm)) {
            return sha;
        }
        return Bytes.concat(padded("MD5", MD5_PAD, masterSecret, handshakeMessages, new byte[0]), sha);
    }

    private byte[] padded(String hash, int padLength, byte[] masterSecret, byte[] messages, byte[] sender)
            throws SslAlertException {
        byte[] inner = digests.hash(hash, messages, sender, masterSecret, Bytes.repeat(0x36, padLength));
        return digests.hash(hash, masterSecret, Bytes.repeat(0x5C, padLength), inner);
    }

    /** final_client_write_key = MD5(client_write_key + ClientHello.random + ServerHello.random), server reversed. */
    @Override
    public byte[] exportKey(byte[] writeKey, byte[] clientRandom, byte[] serverRandom, boolean client,
                            int keyLength) throws SslAlertException {
        byte[] h = client ? digests.hash("MD5", writeKey, clientRandom, serverRandom)
                : digests.hash("MD5", writeKey, serverRandom, clientRandom);
        return Bytes.slice(h, 0, keyLength);
    }

    /** client_write_IV = MD5(ClientHello.random + ServerHello.random), server reversed. */
    @Override
    public byte[] exportIv(byte[] clientRandom, byte[] serverRandom, boolean client, int ivLength)
            throws SslAlertException {
        byte[] h = client ? digests.hash("MD5", clientRandom, serverRandom)
                : digests.hash("MD5", serverRandom, clientRandom);
        return Bytes.slice(h, 0, ivLength);
    }

    static String senderName(boolean client) {
        return new String(client ? SENDER_CLIENT : SENDER_SERVER, StandardCharsets.US_ASCII);
    }
}
