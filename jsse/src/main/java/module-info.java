/** A JSSE provider named SSLKIT: SSLContext, SSLEngine and SSLSocket backed by sslkit's handshake. */
module io.sslkit.jsse {
    requires transitive io.sslkit.handshake;
    requires java.naming;

    exports io.sslkit.jsse;

    provides java.security.Provider with io.sslkit.jsse.SslkitProvider;
}
