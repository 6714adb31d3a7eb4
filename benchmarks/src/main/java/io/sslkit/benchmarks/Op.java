package io.sslkit.benchmarks;

/** One measured operation: a handshake, a 16 KiB transfer, a primitive over 16 KiB, an RSA decryption. */
@FunctionalInterface
interface Op {
    void run() throws Exception;
}
