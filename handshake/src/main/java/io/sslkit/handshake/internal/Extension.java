package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One entry of the hello extensions&lt;0..2^16-1&gt; (RFC 5246 §7.4.1.4); the data is kept opaque here. */
record Extension(int type, byte[] data) {
    static final int SERVER_NAME = 0;
    static final int SIGNATURE_ALGORITHMS = 13;
    static final int EXTENDED_MASTER_SECRET = 23;
    static final int RENEGOTIATION_INFO = 0xFF01;

    /** Parses the extensions block that may follow the compression methods; no block at all is an empty list. */
    static List<Extension> readAll(HandshakeReader r, String message) throws SslAlertException {
        List<Extension> out = new ArrayList<>();
        if (!r.hasRemaining()) {
            return out;
        }
        HandshakeReader block = new HandshakeReader(r.vector16(0, 0xFFFF, "extensions"), message + ".extensions");
        Set<Integer> seen = new HashSet<>();
        while (block.hasRemaining()) {
            int type = block.u16("extension_type");
            byte[] data = block.vector16(0, 0xFFFF, "extension_data");
            if (!seen.add(type)) {
                // RFC 5246 §7.4.1.4: at most one extension of each type
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        message + ": extension " + type + " appears twice");
            }
            out.add(new Extension(type, data));
        }
        return out;
    }

    static void writeAll(HandshakeWriter w, List<Extension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        HandshakeWriter block = new HandshakeWriter();
        for (Extension e : extensions) {
            block.u16(e.type).vector16(e.data);
        }
        w.vector16(block.toByteArray());
    }

    static Extension find(List<Extension> extensions, int type) {
        for (Extension e : extensions) {
            if (e.type == type) {
                return e;
            }
        }
        return null;
    }
}
