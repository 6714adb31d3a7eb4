package io.sslkit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One cell of the SunJSSE matrix in either direction: the handshake at one version and suite, 64 KiB echoed, and
 * both sides' view of what was agreed compared. {@code clientIdentity} non-null adds client authentication.
 */
final class JsseCell {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private JsseCell() {
    }

    /** Our client against a JSSE echo server. */
    static void sslkitClientToJsse(ProtocolVersion v, String suite, Pki.Identity server, Pki.Identity clientIdentity,
                                   X509Certificate anchor) throws Exception {
        sslkitClientToJsse(v, suite, server, clientIdentity, anchor, SslListener.NONE);
    }

    static void sslkitClientToJsse(ProtocolVersion v, String suite, Pki.Identity server, Pki.Identity clientIdentity,
                                   X509Certificate anchor, SslListener listener) throws Exception {
        SSLContext ctx = Jsse.context(server, anchor);
        byte[] data = Payload.lines(v.ordinal() * 41L + suite.hashCode());
        try (JsseServer jsse = JsseServer.start(ctx, v.standardName(), suite, clientIdentity != null,
                data.length)) {
            SslConfig.Builder config = SslConfig.client().policy(Policy.LEGACY).protocols(v).cipherSuites(suite)
                    .trustAnchors(List.of(anchor)).listener(listener);
            if (clientIdentity != null) {
                config.credential(clientIdentity.key(), clientIdentity.chain());
            }
            SslkitClient.Outcome o;
            try {
                o = SslkitClient.exchange(config.build(), jsse.port(), data, data.length);
            } catch (Exception e) {
                // JSSE's own reason (its alerts say little) is what explains most failures here
                JsseServer.Served served = jsse.next(WAIT);
                if (served.failure() != null) {
                    e.addSuppressed(served.failure());
                }
                throw e;
            }
            JsseServer.Served served = jsse.next(WAIT);
            assertNull(served.failure(), () -> "JSSE server failed: " + served.failure());
            assertEquals(v, o.session().protocol());
            assertSameSuite(suite, o.session().cipherSuite().name());
            assertEquals(v.standardName(), served.session().getProtocol());
            assertEquals(suite, served.session().getCipherSuite());
            if (clientIdentity != null) {
                assertEquals(clientIdentity.certificate(), served.session().getPeerCertificates()[0]);
            }
            assertArrayEquals(data, o.received());
        }
    }

    /** A JSSE client against our echo server. */
    static void jsseClientToSslkit(ProtocolVersion v, String suite, Pki.Identity server, Pki.Identity clientIdentity,
                                   X509Certificate anchor) throws Exception {
        jsseClientToSslkit(v, suite, server, clientIdentity, anchor, SslListener.NONE);
    }

    static void jsseClientToSslkit(ProtocolVersion v, String suite, Pki.Identity server, Pki.Identity clientIdentity,
                                   X509Certificate anchor, SslListener listener) throws Exception {
        SslConfig.Builder config = SslConfig.server().policy(Policy.LEGACY).protocols(v).cipherSuites(suite)
                .credential(server.key(), server.chain()).listener(listener);
        if (clientIdentity != null) {
            config.clientAuth(ClientAuth.NEED).trustAnchors(List.of(anchor));
        }
        byte[] data = Payload.lines(v.ordinal() * 43L + suite.hashCode());
        try (SslkitServer ours = SslkitServer.start(config.build(), data.length);
             SSLSocket s = Jsse.client(Jsse.context(clientIdentity, anchor), ours.port(), v.standardName(), suite)) {
            s.startHandshake();
            byte[] answer = exchange(s, data);
            assertEquals(v.standardName(), s.getSession().getProtocol());
            assertEquals(suite, s.getSession().getCipherSuite());
            SslkitServer.Served served = ours.next(WAIT);
            assertNull(served.failure(), () -> "server failed: " + served.failure());
            assertEquals(v, served.session().protocol());
            assertSameSuite(suite, served.session().cipherSuite().name());
            if (clientIdentity != null) {
                assertEquals(clientIdentity.certificate(), served.session().peerCertificates().get(0));
            }
            assertArrayEquals(data, answer);
        }
    }

    /** JSSE names some suites SSL_ where the IANA registry (and our table) says TLS_, or the other way round. */
    private static void assertSameSuite(String jsseName, String ours) {
        assertEquals(jsseName.substring(jsseName.indexOf('_')), ours.substring(ours.indexOf('_')));
    }

    private static byte[] exchange(SSLSocket s, byte[] data) throws Exception {
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                out.write(data);
                out.flush();
            } catch (Throwable t) {
                writeFailure.set(t);
            }
        }, "jsse-client-writer");
        writer.start();
        byte[] answer = SslkitClient.readFully(s.getInputStream(), data.length);
        writer.join(WAIT.toMillis());
        if (writeFailure.get() != null) {
            throw new IOException("sending failed", writeFailure.get());
        }
        return answer;
    }
}
