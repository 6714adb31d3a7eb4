package io.sslkit.record;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.Digest;
import java.util.Objects;

/**
 * The security parameters of one direction of a connection (RFC 5246 §6.1): version, bulk cipher, MAC digest and
 * the secrets from the key_block. Immutable once built; the record layer keys fresh cipher and MAC instances from it
 * when a ChangeCipherSpec makes it current, and starts the sequence number at zero.
 */
public final class CipherState {
    private static final CipherState INITIAL = new CipherState(null, null, null, null, null, null, false);

    private final ProtocolVersion version;
    private final BulkCipher cipher;
    private final Digest mac;
    private final byte[] macSecret;
    private final byte[] key;
    private final byte[] iv;
    private final boolean forWriting;

    private CipherState(ProtocolVersion version, BulkCipher cipher, Digest mac, byte[] macSecret, byte[] key,
                        byte[] iv, boolean forWriting) {
        this.version = version;
        this.cipher = cipher;
        this.mac = mac;
        this.macSecret = macSecret;
        this.key = key;
        this.iv = iv;
        this.forWriting = forWriting;
    }

    /**
     * Keys for one direction. The arrays are copied.
     *
     * @param version    the negotiated version: it chooses the SSL 3.0 MAC or HMAC, the padding rules and whether each
     *                   CBC record carries an explicit IV (TLS 1.1 on)
     * @param cipher     the bulk cipher (the registry's "NULL" cipher for the *_WITH_NULL_* suites)
     * @param mac        the digest the record MAC is built from
     * @param macSecret  client/server_write_MAC_secret: {@code mac.length()} bytes
     * @param key        the final write key: {@code cipher.keyLength()} bytes, export expansion already applied
     * @param iv         the write IV, {@code cipher.ivLength()} bytes for a block cipher; ignored (may be null) for a
     *                   stream cipher and for CBC from TLS 1.1 on, where every record carries its own IV
     * @param forWriting true for our write state, false for the read state (decides encrypt or decrypt)
     * @throws IllegalArgumentException when a length does not fit the algorithms or SSL 3.0 defines no MAC for the
     *                                  digest
     */
    public static CipherState create(ProtocolVersion version, BulkCipher cipher, Digest mac, byte[] macSecret,
                                     byte[] key, byte[] iv, boolean forWriting) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(macSecret, "macSecret");
        Objects.requireNonNull(key, "key");
        if (macSecret.length != mac.length()) {
            throw new IllegalArgumentException(mac.name() + " MAC secret must be " + mac.length() + " bytes, got "
                    + macSecret.length);
        }
        if (version.isSsl3() && mac.ssl3PadLength() <= 0) {
            throw new IllegalArgumentException("SSL 3.0 defines no MAC for " + mac.name());
        }
        if (key.length != cipher.keyLength()) {
            throw new IllegalArgumentException(cipher.name() + " key must be " + cipher.keyLength() + " bytes, got "
                    + key.length);
        }
        byte[] ivCopy = null;
        if (cipher.type() == BulkCipher.Type.BLOCK) {
            int bs = cipher.blockSize();
            if (bs < 2 || bs > 256) {
                // TLS padding encodes its length in one byte and must reach a block boundary.
                throw new IllegalArgumentException(cipher.name() + ": unusable block size " + bs);
            }
            boolean explicitIv = version.atLeast(ProtocolVersion.TLS_1_1);
            if (iv != null && iv.length == bs) {
                ivCopy = iv.clone();
            } else if (explicitIv && (iv == null || iv.length == 0)) {
                // Any chaining value will do: the first block of each record is a random IV the receiver discards.
                ivCopy = new byte[bs];
            } else {
                throw new IllegalArgumentException(cipher.name() + " IV must be " + bs + " bytes, got "
                        + (iv == null ? "none" : iv.length));
            }
        }
        return new CipherState(version, cipher, mac, macSecret.clone(), key.clone(), ivCopy, forWriting);
    }

    /** SSL_NULL_WITH_NULL_NULL: no encryption, no MAC; the state every connection starts in. */
    public static CipherState initial() {
        return INITIAL;
    }

    public boolean isInitial() {
        return cipher == null;
    }

    public boolean forWriting() {
        return forWriting;
    }

    /** The version this state protects records for; null for the initial state. */
    public ProtocolVersion version() {
        return version;
    }

    /** The bulk cipher's name, or "NULL" for the initial state. */
    public String cipherName() {
        return cipher == null ? "NULL" : cipher.name();
    }

    /** The MAC digest's name, or "NULL" for the initial state. */
    public String macName() {
        return mac == null ? "NULL" : mac.name();
    }

    BulkCipher cipher() {
        return cipher;
    }

    Digest mac() {
        return mac;
    }

    // The secrets are handed out only within the package, and never copied back out through the public API.
    byte[] macSecret() {
        return macSecret;
    }

    byte[] key() {
        return key;
    }

    byte[] iv() {
        return iv;
    }

    /** Names the algorithms only: a CipherState never prints a secret. */
    @Override
    public String toString() {
        return isInitial() ? "CipherState[NULL_WITH_NULL_NULL]"
                : "CipherState[" + version + ", " + cipherName() + ", " + macName() + (forWriting ? ", write]"
                : ", read]");
    }
}
