/** The SSL 3.0 / TLS handshake, the engine, sessions, and the registry's OSGi feeder. */
module io.sslkit.handshake {
    requires transitive io.sslkit.api;
    requires transitive io.sslkit.record;
    requires transitive io.sslkit.alert;
    requires static org.osgi.framework;
    requires static org.osgi.service.component.annotations;

    exports io.sslkit.handshake;
}
