package io.sslkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherInstance;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.DigestInstance;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two connections never disturb each other through the algorithm modules: instances made with the same key (as two
 * connections' record layers, or a peer and an observer, may hold) and used interleaved give exactly what each gives
 * alone. A shared or cached cipher or digest object would let one connection's traffic corrupt another's MACs.
 */
class InstanceIsolationTest {
    static Stream<BulkCipher> ciphers() {
        return Engines.REGISTRY.bulkCiphers().stream();
    }

    static Stream<Digest> digests() {
        return Engines.REGISTRY.digests().stream();
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void cipherInstancesWithTheSameKeyAreIndependent(BulkCipher cipher) {
        byte[] key = new byte[cipher.keyLength()];
        Arrays.fill(key, (byte) 0x42);
        byte[] iv = cipher.type() == BulkCipher.Type.BLOCK ? new byte[cipher.ivLength()] : null;
        int chunk = cipher.blockSize() * 4;
        for (boolean encrypt : new boolean[] {true, false}) {
            CipherInstance alone = cipher.newInstance(encrypt, key.clone(), iv == null ? null : iv.clone());
            byte[] expected = new byte[chunk * 3];
            for (int i = 0; i < 3; i++) {
                alone.process(input(chunk, i), 0, chunk, expected, i * chunk);
            }
            CipherInstance a = cipher.newInstance(encrypt, key.clone(), iv == null ? null : iv.clone());
            CipherInstance b = cipher.newInstance(encrypt, key.clone(), iv == null ? null : iv.clone());
            byte[] outA = new byte[chunk * 3];
            byte[] outB = new byte[chunk * 3];
            for (int i = 0; i < 3; i++) {
                a.process(input(chunk, i), 0, chunk, outA, i * chunk);
                b.process(input(chunk, i), 0, chunk, outB, i * chunk);
            }
            assertArrayEquals(expected, outA, cipher.name() + (encrypt ? " encrypt" : " decrypt") + " instance a");
            assertArrayEquals(expected, outB, cipher.name() + (encrypt ? " encrypt" : " decrypt") + " instance b");
        }
    }

    @ParameterizedTest
    @MethodSource("digests")
    void digestInstancesAreIndependent(Digest digest) {
        DigestInstance alone = digest.newInstance();
        alone.update(input(64, 0));
        alone.update(input(64, 1));
        byte[] expected = alone.digest();
        DigestInstance a = digest.newInstance();
        DigestInstance b = digest.newInstance();
        a.update(input(64, 0));
        b.update(input(64, 0));
        DigestInstance copy = a.copy();
        a.update(input(64, 1));
        b.update(input(64, 1));
        copy.update(input(64, 1));
        assertArrayEquals(expected, a.digest(), digest.name() + " instance a");
        assertArrayEquals(expected, b.digest(), digest.name() + " instance b");
        assertArrayEquals(expected, copy.digest(), digest.name() + " copy");
    }

    private static byte[] input(int length, int round) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + round * 13);
        }
        return b;
    }
}
