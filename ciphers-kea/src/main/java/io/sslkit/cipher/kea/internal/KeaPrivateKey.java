package io.sslkit.cipher.kea.internal;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.security.PrivateKey;

/**
 * A static KEA private key, as the handshake hands it to the FORTEZZA_KEA exchange through
 * {@code KeyExchangeContext.serverPrivateKey()} (or {@code clientPrivateKey()}). On a Fortezza card the private value
 * never left the card; this software key keeps that property as far as Java allows: it has no encoding and cannot
 * be serialized, so it cannot leak into a key store or a log by accident.
 */
public final class KeaPrivateKey implements PrivateKey {
    private static final long serialVersionUID = 1L;

    /** Not serialized: writeObject refuses, so the transient field is never lost silently. */
    private final transient KeaKeyPair keyPair;

    KeaPrivateKey(KeaKeyPair keyPair) {
        this.keyPair = java.util.Objects.requireNonNull(keyPair, "keyPair");
    }

    KeaKeyPair keyPair() {
        return keyPair;
    }

    @Override
    public String getAlgorithm() {
        return "KEA";
    }

    /** No standard encoding exists for a KEA private key. */
    @Override
    public String getFormat() {
        return null;
    }

    @Override
    public byte[] getEncoded() {
        return null;
    }

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("a KEA private key is not serializable");
    }

    @Override
    public String toString() {
        return "KeaPrivateKey[public=" + keyPair.publicValue().toString(16) + "]";
    }
}
