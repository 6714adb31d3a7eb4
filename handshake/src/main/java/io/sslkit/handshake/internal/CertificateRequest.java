package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * CertificateRequest (RFC 6101 §5.6.4; RFC 5246 §7.4.4 adds supported_signature_algorithms in TLS 1.2, absent
 * (null) before). The RFCs give certificate_authorities a minimum of 3 bytes, but real servers send an empty list,
 * so 0 is accepted.
 */
record CertificateRequest(byte[] certificateTypes, int[] supportedSignatureAlgorithms,
                          List<byte[]> certificateAuthorities) {
    static final String NAME = "CertificateRequest";
    static final int RSA_SIGN = 1;
    static final int DSS_SIGN = 2;
    /** RFC 6101 §5.6.4 (TLS later reserved 20 as fortezza_dms). */
    static final int FORTEZZA_KEA = 20;

    static CertificateRequest decode(byte[] body, boolean tls12) throws SslAlertException {
        HandshakeReader r = new HandshakeReader(body, NAME);
        byte[] types = r.vector8(1, 0xFF, "certificate_types");
        int[] algorithms = null;
        if (tls12) {
            byte[] raw = r.vector16(2, 0xFFFE, "supported_signature_algorithms");
            if (raw.length % 2 != 0) {
                throw new SslAlertException(AlertDescription.DECODE_ERROR,
                        NAME + ".supported_signature_algorithms: odd length");
            }
            algorithms = new int[raw.length / 2];
            for (int i = 0; i < algorithms.length; i++) {
                algorithms[i] = ((raw[2 * i] & 0xFF) << 8) | (raw[2 * i + 1] & 0xFF);
            }
        }
        HandshakeReader cas = new HandshakeReader(r.vector16(0, 0xFFFF, "certificate_authorities"), NAME);
        r.expectEnd();
        List<byte[]> names = new ArrayList<>();
        while (cas.hasRemaining()) {
            names.add(cas.vector16(1, 0xFFFF, "DistinguishedName"));
        }
        return new CertificateRequest(types, algorithms, names);
    }

    byte[] encode() {
        HandshakeWriter w = new HandshakeWriter().vector8(certificateTypes);
        if (supportedSignatureAlgorithms != null) {
            byte[] raw = new byte[supportedSignatureAlgorithms.length * 2];
            for (int i = 0; i < supportedSignatureAlgorithms.length; i++) {
                raw[2 * i] = (byte) (supportedSignatureAlgorithms[i] >>> 8);
                raw[2 * i + 1] = (byte) supportedSignatureAlgorithms[i];
            }
            w.vector16(raw);
        }
        HandshakeWriter cas = new HandshakeWriter();
        for (byte[] dn : certificateAuthorities) {
            cas.vector16(dn);
        }
        return w.vector16(cas.toByteArray()).toByteArray();
    }

    boolean allowsType(int type) {
        for (byte t : certificateTypes) {
            if ((t & 0xFF) == type) {
                return true;
            }
        }
        return false;
    }
}
