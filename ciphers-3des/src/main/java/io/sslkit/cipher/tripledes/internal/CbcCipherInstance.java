package io.sslkit.cipher.tripledes.internal;

import io.sslkit.api.spi.CipherInstance;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * A Bouncy Castle block engine in CBC mode. The mode object holds the chaining value, so it carries over from one
 * record to the next as RFC 6101 §5.2.3.2 requires; its processBlock reads a whole block before writing one, which
 * makes in-place processing safe and allocation-free.
 */
final class CbcCipherInstance implements CipherInstance {
    private final CBCModeCipher cbc;
    private final int blockSize;

    CbcCipherInstance(BlockCipher engine, boolean encrypt, CipherParameters key, byte[] iv) {
        this.cbc = CBCBlockCipher.newInstance(engine);
        this.cbc.init(encrypt, new ParametersWithIV(key, iv));
        this.blockSize = cbc.getBlockSize();
    }

    @Override
    public void process(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length % blockSize != 0) {
            throw new IllegalArgumentException(
                    "CBC input must be a multiple of " + blockSize + " bytes, got " + length);
        }
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int done = 0; done < length; done += blockSize) {
            cbc.processBlock(in, inOffset + done, out, outOffset + done);
        }
    }
}
