package io.sslkit.handshake.internal;

import io.sslkit.api.SslAlertException;

/**
 * The signature element of CertificateVerify and ServerKeyExchange: before TLS 1.2 just signature&lt;0..2^16-1&gt;;
 * in TLS 1.2 preceded by SignatureAndHashAlgorithm (RFC 5246 §4.7). {@code hashAndSignature} is -1 before TLS 1.2.
 */
record DigitallySigned(int hashAndSignature, byte[] signature) {

    static DigitallySigned decode(HandshakeReader r, boolean tls12) throws SslAlertException {
        int alg = tls12 ? r.u16("SignatureAndHashAlgorithm") : -1;
        return new DigitallySigned(alg, r.vector16(0, 0xFFFF, "signature"));
    }

    static DigitallySigned decode(byte[] element, boolean tls12, String message) throws SslAlertException {
        HandshakeReader r = new HandshakeReader(element, message);
        DigitallySigned d = decode(r, tls12);
        r.expectEnd();
        return d;
    }

    byte[] encode() {
        HandshakeWriter w = new HandshakeWriter();
        if (hashAndSignature >= 0) {
            w.u16(hashAndSignature);
        }
        return w.vector16(signature).toByteArray();
    }

    int hash() {
        return hashAndSignature >>> 8;
    }

    int signatureCode() {
        return hashAndSignature & 0xFF;
    }
}
