package io.sslkit.handshake;

/** Whether a server asks the client for a certificate (CertificateRequest) and whether it insists on one. */
public enum ClientAuth {
    /** No CertificateRequest is sent. */
    NONE,
    /** A CertificateRequest is sent; a client without a certificate may continue. */
    WANT,
    /** A CertificateRequest is sent; a client without a certificate ends the handshake (handshake_failure). */
    NEED
}
