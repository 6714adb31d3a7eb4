/**
 * The {@code sslkit} command (server, client, suites, modules, demo) and the same commands for the Gogo shell of
 * an OSGi framework.
 */
module io.sslkit.cli {
    requires io.sslkit.api;
    requires io.sslkit.handshake;
    requires info.picocli;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    // the server's default KEA credential, made only when the KEA module is present
    requires static io.sslkit.cipher.kea;
    requires static org.osgi.framework;
    requires static org.osgi.service.component.annotations;

    exports io.sslkit.cli;

    // picocli reads the command classes' annotations and fills their fields reflectively
    opens io.sslkit.cli.internal to info.picocli;
}
