package io.sslkit.jsse;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/** The JDK's HttpsServer over a given SSLContext: it answers with what its side of the TLS session says. */
final class HttpsPeers {
    private HttpsPeers() {
    }

    static HttpsServer server(SSLContext ctx) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", exchange -> {
            SSLSession s = ((HttpsExchange) exchange).getSSLSession();
            byte[] body = ("hello over " + s.getProtocol() + " " + s.getCipherSuite() + " via "
                    + ctx.getProvider().getName()).getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    static String url(HttpsServer server) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }
}
