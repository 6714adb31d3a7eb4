/** SHA-1 (FIPS 180), named "SHA" in the suite names: the SSL 3.0 MAC, HMAC-SHA1 and the TLS 1.0/1.1 PRF. */
module io.sslkit.cipher.sha1 {
    requires io.sslkit.api;

    provides io.sslkit.api.spi.Digest with io.sslkit.cipher.sha1.internal.Sha1Digest;
}
