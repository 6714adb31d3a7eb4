package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Unchanged JDK software on SSLKIT: java.net.http.HttpClient and HttpsURLConnection against the JDK's HttpsServer on
 * SunJSSE, and SunJSSE clients against an HttpsServer whose SSLContext comes from SSLKIT. Both clients identify the
 * server by its address (endpoint identification "HTTPS").
 */
class HttpInteropTest {
    private static final TestPki PKI = TestPki.get();

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String get(SSLContext ctx, String url) throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(20_000);
        c.setReadTimeout(20_000);
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            assertEquals("TLSv1.2", c.getSSLSession().orElseThrow().getProtocol());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    @Test
    void httpClientOnSslkitTalksToSunJsseServer() throws Exception {
        HttpsServer server = HttpsPeers.server(PKI.sunJsse(PKI.server));
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(PKI.sslkit("TLS", null))
                    .connectTimeout(Duration.ofSeconds(20)).build();
            String body = get(client, HttpsPeers.url(server));
            assertTrue(body.startsWith("hello over TLSv1.2 TLS_RSA_WITH_AES_"), body);
            assertTrue(body.endsWith("via SunJSSE"), body);
            // a second request on the pooled connection
            assertEquals(body, get(client, HttpsPeers.url(server)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsUrlConnectionOnSslkitTalksToSunJsseServer() throws Exception {
        HttpsServer server = HttpsPeers.server(PKI.sunJsse(PKI.server));
        try {
            String body = get(PKI.sslkit("TLS", null), HttpsPeers.url(server));
            assertTrue(body.startsWith("hello over TLSv1.2 TLS_RSA_WITH_AES_"), body);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sunJsseClientsTalkToHttpsServerOnSslkit() throws Exception {
        HttpsServer server = HttpsPeers.server(PKI.sslkit("TLS", PKI.server));
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(PKI.sunJsse(null))
                    .connectTimeout(Duration.ofSeconds(20)).build();
            String body = get(client, HttpsPeers.url(server));
            assertTrue(body.startsWith("hello over TLSv1.2 TLS_RSA_WITH_AES_"), body);
            assertTrue(body.endsWith("via SSLKIT"), body);
            String again = get(PKI.sunJsse(null), HttpsPeers.url(server));
            assertTrue(again.endsWith("via SSLKIT"), again);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sslkitOnBothSidesOfHttp() throws Exception {
        HttpsServer server = HttpsPeers.server(PKI.sslkit("TLS", PKI.server));
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(PKI.sslkit("TLS", null))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
            assertTrue(get(client, HttpsPeers.url(server)).endsWith("via SSLKIT"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void serverNotMatchingTheUrlIsRefused() throws Exception {
        // a certificate from the trusted CA that names someone else, not 127.0.0.1
        HttpsServer server = HttpsPeers.server(PKI.sunJsse(PKI.client));
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(PKI.sslkit("TLS", null))
                    .connectTimeout(Duration.ofSeconds(20)).build();
            String url = HttpsPeers.url(server);
            assertThrows(SSLHandshakeException.class, () -> get(client, url));
            assertThrows(SSLHandshakeException.class, () -> get(PKI.sslkit("TLS", null), url));
        } finally {
            server.stop(0);
        }
    }
}
