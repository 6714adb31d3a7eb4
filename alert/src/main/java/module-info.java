/** The alert protocol of SSL 3.0 and TLS 1.0-1.2: encoding, which alerts are fatal, close_notify, truncation. */
module io.sslkit.alert {
    requires transitive io.sslkit.api;
    requires org.slf4j;

    exports io.sslkit.alert;
}
