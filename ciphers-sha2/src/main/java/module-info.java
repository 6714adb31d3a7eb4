/** SHA-256 and SHA-384 (FIPS 180-4): the TLS 1.2 PRFs, HMACs and *_SHA256 / *_SHA384 suites. */
module io.sslkit.cipher.sha2 {
    requires io.sslkit.api;

    provides io.sslkit.api.spi.Digest with io.sslkit.cipher.sha2.internal.Sha256Digest, io.sslkit.cipher.sha2.internal.Sha384Digest;
}
