package io.sslkit.api.spi;

/**
 * Bulk-cipher keys and IVs that a key exchange delivers itself instead of leaving them to the key_block: the
 * Fortezza exchange of SSL 3.0 sends the client's and server's write keys wrapped under the KEA token key (RFC 6101
 * §6.2.2); the key_block then yields only the MAC secrets.
 */
public record BulkKeys(byte[] clientWriteKey, byte[] serverWriteKey, byte[] clientWriteIv, byte[] serverWriteIv) {

    @Override
    public String toString() {
        return "BulkKeys[redacted]";
    }
}
