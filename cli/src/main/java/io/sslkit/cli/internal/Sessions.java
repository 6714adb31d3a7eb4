package io.sslkit.cli.internal;

import io.sslkit.handshake.SslSession;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** The one-line account of a session that both sides print once the handshake is done. */
final class Sessions {
    private Sessions() {
    }

    static String describe(SslSession s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.protocol().standardName()).append(' ').append(s.cipherSuite().name())
                .append(s.resumed() ? ", resumed session " : ", new session ").append(shortId(s.id()));
        if (!s.peerCertificates().isEmpty()) {
            X509Certificate peer = s.peerCertificates().get(0);
            sb.append(", peer certificate \"").append(peer.getSubjectX500Principal().getName()).append('"');
        } else {
            sb.append(", no peer certificate");
        }
        return sb.toString();
    }

    /** The session_id is public (it travels in clear in the hellos); its start is enough to recognise it. */
    static String shortId(byte[] id) {
        if (id == null || id.length == 0) {
            return "(none: not resumable)";
        }
        String hex = HexFormat.of().formatHex(id);
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
