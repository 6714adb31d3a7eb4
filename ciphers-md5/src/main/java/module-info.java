/** MD5 (RFC 1321), the digest the SSL 3.0 MAC, HMAC-MD5 and the TLS 1.0/1.1 PRF are built from. */
module io.sslkit.cipher.md5 {
    requires io.sslkit.api;

    provides io.sslkit.api.spi.Digest with io.sslkit.cipher.md5.internal.Md5Digest;
}
