package io.sslkit.cli.internal;

import io.sslkit.handshake.SslSession;
import java.security.cert.X509Certificate;
import java.util.List;

/** The HTML page of {@code server --www}: what the handshake agreed on, for a browser or {@code sslkit client}. */
final class SessionPage {
    private SessionPage() {
    }

    static String html(SslSession s, String requestLine) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sslkit session</title></head><body>\n");
        sb.append("<h1>sslkit: your session</h1>\n<table>\n");
        row(sb, "request", requestLine);
        row(sb, "protocol", s.protocol().standardName());
        row(sb, "cipher suite", s.cipherSuite().name() + " (" + s.cipherSuite().codeString() + ")");
        row(sb, "key exchange", s.cipherSuite().keyExchange());
        row(sb, "cipher", s.cipherSuite().cipher());
        row(sb, "MAC", s.cipherSuite().mac());
        row(sb, "session", (s.resumed() ? "resumed " : "new ") + Sessions.shortId(s.id()));
        row(sb, "client certificate", subjects(s.peerCertificates()));
        row(sb, "server certificate", subjects(s.localCertificates()));
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    private static String subjects(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : chain) {
            if (sb.length() > 0) {
                sb.append(" / issued by ");
            }
            sb.append(c.getSubjectX500Principal().getName());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    /** The request line and certificate names come from the peer: never let them become markup. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' ? '?' : c);
            }
        }
        return sb.toString();
    }
}
