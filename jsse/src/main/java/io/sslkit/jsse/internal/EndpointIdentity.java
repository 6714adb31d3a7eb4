package io.sslkit.jsse.internal;

import java.net.IDN;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Endpoint identification ("HTTPS", "LDAPS") for trust managers that cannot do it themselves (a plain
 * X509TrustManager): the host the client meant must be named by the server's certificate (RFC 2818 §3.1, RFC 6125
 * §6.4). The JDK's own X509ExtendedTrustManager does this itself and never reaches this class.
 */
final class EndpointIdentity {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private EndpointIdentity() {
    }

    static void check(String host, X509Certificate leaf) throws CertificateException {
        if (host == null || host.isEmpty()) {
            throw new CertificateException("endpoint identification needs the peer's host name, and none is known");
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ip = IPV4.matcher(h).matches() || h.contains(":");
        Collection<List<?>> sans;
        try {
            sans = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("unreadable subjectAltName", e);
        }
        boolean anyDns = false;
        if (sans != null) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                String value = String.valueOf(san.get(1));
                if (ip && type == SAN_IP && sameAddress(h, value)) {
                    return;
                }
                if (type == SAN_DNS) {
                    anyDns = true;
                    if (!ip && matches(h, value)) {
                        return;
                    }
                }
            }
        }
        // RFC 2818: the Common Name only counts when the certificate has no dNSName at all
        if (!ip && !anyDns) {
            String cn = commonName(leaf);
            if (cn != null && matches(h, cn)) {
                return;
            }
        }
        throw new CertificateException("no subject alternative name in the certificate matches " + host);
    }

    private static boolean sameAddress(String host, String san) {
        try {
            return java.net.InetAddress.getByName(host).equals(java.net.InetAddress.getByName(san));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A wildcard is allowed only as the whole left-most label, and never matches across dots. */
    static boolean matches(String host, String pattern) {
        String h = normalise(host);
        String p = normalise(pattern);
        if (!p.startsWith("*.")) {
            return h.equals(p);
        }
        int dot = h.indexOf('.');
        String suffix = p.substring(1);
        return dot > 0 && h.substring(dot).equals(suffix) && suffix.indexOf('.', 1) > 0;
    }

    private static String normalise(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(n).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return n.toLowerCase(Locale.ROOT);
        }
    }

    private static String commonName(X509Certificate leaf) {
        try {
            List<Rdn> rdns = new LdapName(leaf.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
