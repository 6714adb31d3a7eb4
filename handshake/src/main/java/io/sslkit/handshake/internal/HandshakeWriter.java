package io.sslkit.handshake.internal;

import java.io.ByteArrayOutputStream;

/** Builds a handshake message body; vector writers refuse lengths their length field cannot carry. */
final class HandshakeWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    HandshakeWriter u8(int v) {
        out.write(v);
        return this;
    }

    HandshakeWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    HandshakeWriter u24(int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    HandshakeWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    HandshakeWriter vector8(byte[] b) {
        check(b.length, 0xFF);
        return u8(b.length).bytes(b);
    }

    HandshakeWriter vector16(byte[] b) {
        check(b.length, 0xFFFF);
        return u16(b.length).bytes(b);
    }

    HandshakeWriter vector24(byte[] b) {
        check(b.length, 0xFFFFFF);
        return u24(b.length).bytes(b);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private static void check(int length, int max) {
        if (length > max) {
            throw new IllegalArgumentException("vector of " + length + " bytes exceeds its length field (" + max + ")");
        }
    }
}
