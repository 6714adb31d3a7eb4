package io.sslkit.record.testing;

import io.sslkit.api.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Record protection computed straight from the RFC text with the JDK's Mac and MessageDigest, independently of the
 * record layer's own MAC code: the tests' reference. Tests only.
 */
public final class ReferenceRecord {
    private ReferenceRecord() {
    }

    /** RFC 2246 §6.2.3.1 / RFC 6101 §5.2.3.1. */
    public static byte[] mac(Suite s, long seq, int type, byte[] content) throws GeneralSecurityException {
        ByteBuffer header = ByteBuffer.allocate(13).putLong(seq).put((byte) type);
        if (!s.version().isSsl3()) {
            header.putShort((short) s.version().wireValue());
        }
        header.putShort((short) content.length).flip();
        byte[] h = Arrays.copyOf(header.array(), header.limit());
        if (s.version().isSsl3()) {
            MessageDigest md = MessageDigest.getInstance(s.digest().jcaName());
            byte[] pad1 = new byte[s.digest().ssl3PadLength()];
            byte[] pad2 = new byte[s.digest().ssl3PadLength()];
            Arrays.fill(pad1, (byte) 0x36);
            Arrays.fill(pad2, (byte) 0x5c);
            md.update(s.macSecret());
            md.update(pad1);
            md.update(h);
            md.update(content);
            byte[] inner = md.digest();
            md.update(s.macSecret());
            md.update(pad2);
            md.update(inner);
            return md.digest();
        }
        Mac mac = Mac.getInstance(s.digest().hmacName());
        mac.init(new SecretKeySpec(s.macSecret(), s.digest().hmacName()));
        mac.update(h);
        mac.update(content);
        return mac.doFinal();
    }

    /**
     * The plaintext of a protected fragment before encryption: [explicit IV] content MAC [padding], with the
     * padding of {@code padLength} bytes (plus the length byte) all of value {@code padValue}.
     */
    public static byte[] plaintext(Suite s, byte[] explicitIv, byte[] content, byte[] mac, int padLength,
                                   int padValue) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (explicitIv != null) {
            b.writeBytes(explicitIv);
        }
        b.writeBytes(content);
        b.writeBytes(mac);
        if (s.isBlock()) {
            for (int i = 0; i < padLength; i++) {
                b.write(padValue);
            }
            b.write(padLength);
        }
        return b.toByteArray();
    }

    /** The least padding that reaches a block boundary. */
    public static int minimalPadding(Suite s, int contentLength) {
        int bs = s.cipher().blockSize();
        return s.isBlock() ? (bs - (contentLength + s.digest().length() + 1) % bs) % bs : 0;
    }

    public static byte[] record(int type, ProtocolVersion version, byte[] fragment) {
        return ByteBuffer.allocate(5 + fragment.length).put((byte) type).putShort((short) version.wireValue())
                .putShort((short) fragment.length).put(fragment).array();
    }
}
