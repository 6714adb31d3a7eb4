package io.sslkit.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.spi.BulkCipher.Type;
import org.junit.jupiter.api.Test;

class AbstractBulkCipherTest {
    private static final CipherInstance KEYED = (in, inOffset, length, out, outOffset) -> { };

    /** Records what reached the subclass. */
    private static final class Recording extends AbstractBulkCipher {
        byte[] key;
        byte[] iv;
        Boolean encrypt;

        Recording(Type type, int keyMaterialLength, int keyLength, int ivLength, int blockSize) {
            super("TEST", type, keyMaterialLength, keyLength, ivLength, blockSize, true, 40);
        }

        @Override
        protected CipherInstance newKeyedInstance(boolean encrypt, byte[] key, byte[] iv) {
            this.encrypt = encrypt;
            this.key = key;
            this.iv = iv;
            return KEYED;
        }
    }

    @Test
    void reportsItsParameters() {
        Recording c = new Recording(Type.BLOCK, 5, 8, 8, 8);
        assertEquals("TEST", c.name());
        assertEquals(Type.BLOCK, c.type());
        assertEquals(5, c.keyMaterialLength());
        assertEquals(8, c.keyLength());
        assertEquals(8, c.ivLength());
        assertEquals(8, c.blockSize());
        assertTrue(c.exportable());
        assertEquals(40, c.effectiveKeyBits());
    }

    @Test
    void passesCheckedKeyAndIvToTheSubclass() {
        Recording c = new Recording(Type.BLOCK, 8, 8, 8, 8);
        byte[] key = new byte[8];
        byte[] iv = new byte[8];
        assertSame(KEYED, c.newInstance(false, key, iv));
        assertSame(key, c.key);
        assertSame(iv, c.iv);
        assertFalse(c.encrypt);
    }

    @Test
    void rejectsWrongKeyOrIv() {
        Recording c = new Recording(Type.BLOCK, 8, 8, 8, 8);
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[7], new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, null, new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[8], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[8], null));
        assertEquals(null, c.key);
    }

    @Test
    void aStreamCipherIgnoresTheIv() {
        Recording c = new Recording(Type.STREAM, 16, 16, 0, 1);
        assertSame(KEYED, c.newInstance(true, new byte[16], null));
        assertSame(KEYED, c.newInstance(true, new byte[16], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> c.newInstance(true, new byte[15], null));
    }

    @Test
    void rejectsInconsistentParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Recording(Type.BLOCK, 9, 8, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Recording(Type.BLOCK, 8, 8, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Recording(Type.BLOCK, 8, 8, -1, 8));
        assertThrows(IllegalArgumentException.class, () -> new Recording(Type.STREAM, 16, 16, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new Recording(Type.STREAM, 16, 16, 0, 8));
    }
}
