package io.sslkit.examples.camellia.internal;

import io.sslkit.api.spi.CipherInstance;
import java.util.Objects;
import org.bouncycastle.crypto.modes.CBCModeCipher;

/**
 * One direction of one connection. The CBC mode object holds the chaining value, so the last ciphertext block of
 * one record is the IV of the next, as SSL 3.0 and TLS 1.0 require (TLS 1.1+ send an explicit IV block, which the
 * record layer simply runs through here as well). No allocation per call: records are processed in place.
 */
final class CamelliaCbcInstance implements CipherInstance {
    private final String name;
    private final CBCModeCipher cbc;

    CamelliaCbcInstance(String name, CBCModeCipher cbc) {
        this.name = name;
        this.cbc = cbc;
    }

    @Override
    public void process(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        // the record layer checks record lengths against the block size before it gets here; anything else is a bug
        if (length % CamelliaCbcCipher.BLOCK_SIZE != 0) {
            throw new IllegalArgumentException(name + ": length " + length + " is not a multiple of the block size");
        }
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int done = 0; done < length; done += CamelliaCbcCipher.BLOCK_SIZE) {
            cbc.processBlock(in, inOffset + done, out, outOffset + done);
        }
    }
}
