package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate (RFC 6101 §5.6.2): certificate_list&lt;0..2^24-1&gt; of ASN.1Cert&lt;1..2^24-1&gt;. The DER stays
 * opaque here; parsing it is the certificate check's business (bad_certificate there).
 */
record CertificateMessage(List<byte[]> certificateList) {
    static final String NAME = "Certificate";

    static CertificateMessage decode(byte[] body) throws SslAlertException {
        HandshakeReader r = new HandshakeReader(body, NAME);
        HandshakeReader list = new HandshakeReader(r.vector24(0, 0xFFFFFF, "certificate_list"), NAME);
        r.expectEnd();
        List<byte[]> certs = new ArrayList<>();
        while (list.hasRemaining()) {
            certs.add(list.vector24(1, 0xFFFFFF, "ASN.1Cert"));
        }
        return new CertificateMessage(certs);
    }

    byte[] encode() {
        HandshakeWriter list = new HandshakeWriter();
        for (byte[] c : certificateList) {
            list.vector24(c);
        }
        return new HandshakeWriter().vector24(list.toByteArray()).toByteArray();
    }
}
