package io.sslkit.fuzz;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.Digest;
import io.sslkit.record.CipherState;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Watches the records of one connection in both directions, cuts them into records and (while they are plaintext)
 * handshake messages, and remembers what key derivation needs: the randoms, the negotiated version and suite,
 * whether the extended master secret is in use, and the ClientKeyExchange.
 */
final class Wiretap {
    /** One record as it travels. */
    record Rec(int type, int version, byte[] fragment) {
        byte[] encode() {
            byte[] r = new byte[5 + fragment.length];
            r[0] = (byte) type;
            r[1] = (byte) (version >>> 8);
            r[2] = (byte) version;
            r[3] = (byte) (fragment.length >>> 8);
            r[4] = (byte) fragment.length;
            System.arraycopy(fragment, 0, r, 5, fragment.length);
            return r;
        }
    }

    /** The keys of one connection, as an eavesdropper with the server's key derives them. */
    record Secrets(ProtocolVersion version, BulkCipher cipher, Digest mac, byte[] masterSecret, byte[] clientMac,
                   byte[] serverMac, byte[] clientKey, byte[] serverKey, byte[] clientIv, byte[] serverIv) {
        CipherState clientWrite(boolean forWriting) {
            return CipherState.create(version, cipher, mac, clientMac, clientKey, clientIv, forWriting);
        }

        CipherState serverWrite(boolean forWriting) {
            return CipherState.create(version, cipher, mac, serverMac, serverKey, serverIv, forWriting);
        }

        /** Every secret, for looking them up in logs. */
        List<byte[]> all() {
            List<byte[]> out = new ArrayList<>(List.of(masterSecret, clientMac, serverMac, clientKey, serverKey));
            if (clientIv != null) {
                out.add(clientIv);
                out.add(serverIv);
            }
            return out;
        }
    }

    static final int CHANGE_CIPHER_SPEC = 20;
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;

    byte[] clientRandom;
    byte[] serverRandom;
    byte[] clientKeyExchange;
    byte[] serverKeyExchange;
    ProtocolVersion version;
    int suite = -1;
    /** Whether ServerHello answered extended_master_secret (RFC 7627). */
    boolean extendedMasterSecret;
    /** The handshake messages as sent (HelloRequest excluded), for the session_hash. */
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    /** The transcript up to and including ClientKeyExchange. */
    private byte[] sessionHashInput;
    private boolean clientChanged;
    private boolean serverChanged;
    /** The server's randomness, for an ephemeral Diffie-Hellman exchange; null when the server key suffices. */
    private RecordingRandom serverDraws;

    private List<byte[]> serverDraws() {
        if (serverDraws == null) {
            throw new IllegalStateException("a DHE suite: give the tap the server's RecordingRandom");
        }
        return serverDraws.draws();
    }

    /** Cuts wire bytes into whole records; a trailing partial record is an error in the test. */
    static List<Rec> records(byte[] wire) {
        List<Rec> out = new ArrayList<>();
        int p = 0;
        while (p < wire.length) {
            int length = ((wire[p + 3] & 0xff) << 8) | (wire[p + 4] & 0xff);
            int version = ((wire[p + 1] & 0xff) << 8) | (wire[p + 2] & 0xff);
            out.add(new Rec(wire[p] & 0xff, version, Arrays.copyOfRange(wire, p + 5, p + 5 + length)));
            p += 5 + length;
        }
        return out;
    }

    /** Cuts a plaintext handshake fragment into whole messages (header included). */
    static List<byte[]> messages(byte[] fragment) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < fragment.length) {
            int length = ((fragment[p + 1] & 0xff) << 16) | ((fragment[p + 2] & 0xff) << 8) | (fragment[p + 3] & 0xff);
            out.add(Arrays.copyOfRange(fragment, p, p + 4 + length));
            p += 4 + length;
        }
        return out;
    }

    /** True once this direction's records are protected (its ChangeCipherSpec went by). */
    boolean protectedFrom(boolean fromClient) {
        return fromClient ? clientChanged : serverChanged;
    }

    /**
     * Observes one record; returns it cut into records of one handshake message each while it is plaintext (the
     * engines accept a message per record, and the strictness table needs them one by one).
     */
    List<Rec> observe(boolean fromClient, Rec r) {
        if (r.type() == CHANGE_CIPHER_SPEC && !protectedFrom(fromClient)) {
            if (fromClient) {
                clientChanged = true;
            } else {
                serverChanged = true;
            }
            return List.of(r);
        }
        if (r.type() != HANDSHAKE || protectedFrom(fromClient)) {
            return List.of(r);
        }
        List<Rec> out = new ArrayList<>();
        for (byte[] m : messages(r.fragment())) {
            parse(m);
            out.add(new Rec(HANDSHAKE, r.version(), m));
        }
        return out;
    }

    private void parse(byte[] m) {
        if (m[0] != 0) {
            transcript.writeBytes(m);
        }
        byte[] body = Arrays.copyOfRange(m, 4, m.length);
        switch (m[0]) {
            case 1 -> {
                clientRandom = Arrays.copyOfRange(body, 2, 34);
            }
            case 2 -> {
                version = ProtocolVersion.fromWire(body[0], body[1]).orElseThrow();
                serverRandom = Arrays.copyOfRange(body, 2, 34);
                int idLength = body[34] & 0xff;
                suite = ((body[35 + idLength] & 0xff) << 8) | (body[36 + idLength] & 0xff);
                extendedMasterSecret = hasExtension(body, 38 + idLength, 23);
            }
            case 12 -> {
                serverKeyExchange = body;
            }
            case 16 -> {
                clientKeyExchange = body;
                sessionHashInput = transcript.toByteArray();
            }
            default -> {
                // nothing that key derivation needs
            }
        }
    }

    /** Whether the extensions block starting at {@code p} (its two-byte length first) holds {@code type}. */
    private static boolean hasExtension(byte[] body, int p, int type) {
        if (p + 2 > body.length) {
            return false;
        }
        int end = p + 2 + (((body[p] & 0xff) << 8) | (body[p + 1] & 0xff));
        for (int q = p + 2; q + 4 <= end; q += 4 + (((body[q + 2] & 0xff) << 8) | (body[q + 3] & 0xff))) {
            if ((((body[q] & 0xff) << 8) | (body[q + 1] & 0xff)) == type) {
                return true;
            }
        }
        return false;
    }

    /** For DHE suites: the server's randomness, in which {@link #secrets} finds the server's private value. */
    void serverDraws(RecordingRandom random) {
        this.serverDraws = random;
    }

    /**
     * Derives the connection's keys: from the ClientKeyExchange (RSA: decrypted with the fixed server key; DHE:
     * agreed with the server's private value found among its random draws) or, for an abbreviated handshake, from
     * {@code resumedMaster}.
     */
    Secrets secrets(byte[] resumedMaster) throws GeneralSecurityException {
        CipherSuite s = Engines.REGISTRY.definedSuites().stream().filter(x -> x.code() == suite).findFirst()
                .orElseThrow();
        BulkCipher cipher = Engines.REGISTRY.bulkCipher(s.cipher()).orElseThrow();
        Digest mac = Engines.REGISTRY.digest(s.mac()).orElseThrow();
        byte[] master = resumedMaster;
        if (master == null) {
            byte[] preMaster = s.keyExchange().startsWith("DHE_")
                    ? KeyDerivation.dhePreMasterSecret(serverKeyExchange, clientKeyExchange, serverDraws())
                    : KeyDerivation.preMasterSecret(version, clientKeyExchange, Pki.RSA.key());
            master = extendedMasterSecret
                    ? KeyDerivation.extendedMasterSecret(version, preMaster, sessionHashInput)
                    : KeyDerivation.masterSecret(version, preMaster, clientRandom, serverRandom);
        }
        boolean implicitIv = cipher.type() == BulkCipher.Type.BLOCK && !version.atLeast(ProtocolVersion.TLS_1_1);
        int ivLength = implicitIv ? cipher.ivLength() : 0;
        int keyLength = cipher.keyMaterialLength();
        byte[] kb = KeyDerivation.keyBlock(version, master, clientRandom, serverRandom,
                2 * mac.length() + 2 * keyLength + 2 * ivLength);
        int p = 0;
        byte[] clientMac = Arrays.copyOfRange(kb, p, p += mac.length());
        byte[] serverMac = Arrays.copyOfRange(kb, p, p += mac.length());
        byte[] clientKey = Arrays.copyOfRange(kb, p, p += keyLength);
        byte[] serverKey = Arrays.copyOfRange(kb, p, p += keyLength);
        byte[] clientIv = implicitIv ? Arrays.copyOfRange(kb, p, p += ivLength) : null;
        byte[] serverIv = implicitIv ? Arrays.copyOfRange(kb, p, p + ivLength) : null;
        return new Secrets(version, cipher, mac, master, clientMac, serverMac, clientKey, serverKey, clientIv,
                serverIv);
    }
}
