/**
 * The record layer of SSL 3.0 and TLS 1.0-1.2: framing, fragmentation, connection states and record protection
 * (MAC-then-encrypt), plus the ChangeCipherSpec protocol. Built only from the SPI: it names no algorithm.
 */
module io.sslkit.record {
    requires transitive io.sslkit.api;
    requires io.sslkit.alert;
    requires org.slf4j;

    exports io.sslkit.record;
}
