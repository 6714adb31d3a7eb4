package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** server_name (RFC 6066 §3): reading the client's host_name, and matching it against a certificate's names. */
final class ServerNames {
    private static final int HOST_NAME = 0;

    private ServerNames() {
    }

    /** The host_name the client asked for, or null when it sent none. */
    static String hostName(List<Extension> extensions) throws SslAlertException {
        Extension e = Extension.find(extensions, Extension.SERVER_NAME);
        if (e == null) {
            return null;
        }
        HandshakeReader r = new HandshakeReader(e.data(), "server_name");
        HandshakeReader list = new HandshakeReader(r.vector16(1, 0xFFFF, "server_name_list"), "server_name");
        r.expectEnd();
        String host = null;
        while (list.hasRemaining()) {
            int type = list.u8("name_type");
            byte[] name = list.vector16(1, 0xFFFF, "HostName");
            if (type == HOST_NAME) {
                if (host != null) {
                    // RFC 6066 §3: at most one name of each type
                    throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, "server_name: two host_names");
                }
                host = hostName(name);
            }
        }
        return host;
    }

    /**
     * HostName is a DNS name in ASCII (RFC 6066 §3; internationalized names travel as A-labels). Anything else would
     * turn into replacement characters here and match or log as something the client never sent; a NUL could cut it.
     */
    private static String hostName(byte[] name) throws SslAlertException {
        for (byte b : name) {
            if (b < 0x21 || b > 0x7E) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "server_name: host_name with byte 0x" + Integer.toHexString(b & 0xFF));
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    /** Whether the certificate names the host: a DNS subjectAltName (one leading wildcard label), else the CN. */
    static boolean matches(X509Certificate certificate, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                boolean anyDns = false;
                for (List<?> alt : alternatives) {
                    if (Integer.valueOf(2).equals(alt.get(0))) {
                        anyDns = true;
                        if (matches((String) alt.get(1), h)) {
                            return true;
                        }
                    }
                }
                if (anyDns) {
                    return false;
                }
            }
            String cn = commonName(certificate.getSubjectX500Principal().getName());
            return cn != null && matches(cn, h);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** The first CN of an RFC 2253 name, which lists the most specific RDN first. */
    private static String commonName(String rfc2253) {
        String cn = null;
        int start = 0;
        for (int i = 0; i <= rfc2253.length(); i++) {
            boolean end = i == rfc2253.length()
                    || (rfc2253.charAt(i) == ',' && (i == 0 || rfc2253.charAt(i - 1) != '\\'));
            if (end) {
                String rdn = rfc2253.substring(start, i).trim();
                if (cn == null && rdn.regionMatches(true, 0, "CN=", 0, 3)) {
                    cn = rdn.substring(3);
                }
                start = i + 1;
            }
        }
        return cn;
    }

    private static boolean matches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(p.substring(1));
        }
        return p.equals(host);
    }
}
