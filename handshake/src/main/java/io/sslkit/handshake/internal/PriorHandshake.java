package io.sslkit.handshake.internal;

/**
 * What a renegotiation must prove it knows of the handshake before it (RFC 5746 §3): both Finished.verify_data.
 * Not secret (they travelled encrypted, but a renegotiation_info extension repeats them), yet never logged.
 */
public record PriorHandshake(byte[] clientVerifyData, byte[] serverVerifyData) {
    @Override
    public String toString() {
        return "PriorHandshake[" + clientVerifyData.length + "+" + serverVerifyData.length + " bytes]";
    }
}
