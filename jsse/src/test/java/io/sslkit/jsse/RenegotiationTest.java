package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import org.junit.jupiter.api.Test;

/** RFC 5746 renegotiation through the SSLEngine contract: beginHandshake again, FINISHED again, data flows on. */
class RenegotiationTest {
    private static final TestPki PKI = TestPki.get();

    static EnginePump connected() throws Exception {
        SSLEngine client = PKI.sslkit("TLSv1.2", null).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sunJsse(PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        EnginePump p = new EnginePump(client, server);
        p.handshake();
        return p;
    }

    @Test
    void sslkitClientRenegotiatesWithSunJsse() throws Exception {
        EnginePump p = connected();
        p.renegotiate(p.client);
        assertEquals(2, p.clientFinished, "FINISHED once per handshake");
        assertEquals(2, p.serverFinished);
        byte[] data = "after the renegotiation".getBytes();
        assertArrayEquals(data, EnginePump.transfer(p.client, p.server, data));
        assertArrayEquals(data, EnginePump.transfer(p.server, p.client, data));
    }

    @Test
    void sunJsseServerRenegotiatesWithSslkitClient() throws Exception {
        EnginePump p = connected();
        p.renegotiate(p.server);
        assertEquals(2, p.clientFinished);
        assertEquals(2, p.serverFinished);
        byte[] data = "still talking".getBytes();
        assertArrayEquals(data, EnginePump.transfer(p.server, p.client, data));
    }

    /**
     * A server's beginHandshake only asks (HelloRequest): FINISHED comes once, when the handshake the client then
     * starts completes, not when the request goes out; and each request counts once against the budget (both found
     * by JsseEngineFuzzTest#server).
     */
    @Test
    void sslkitServerRenegotiatesWithSunJsseClient() throws Exception {
        SSLEngine client = PKI.sunJsse(null).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = PKI.sslkit("TLSv1.2", PKI.server).createSSLEngine();
        server.setUseClientMode(false);
        EnginePump p = new EnginePump(client, server);
        p.handshake();
        server.beginHandshake();
        SSLEngineResult r = server.wrap(ByteBuffer.allocate(0), p.toClient);
        assertNotEquals(HandshakeStatus.FINISHED, r.getHandshakeStatus(), "the HelloRequest is not the handshake");
        assertTrue(r.bytesProduced() > 0, "the HelloRequest went out");
        p.renegotiate(p.server);
        assertEquals(2, p.serverFinished, "FINISHED once per handshake");
        assertEquals(2, p.clientFinished);
        // a second request within the minute is still within the budget of 3 (it used to count twice)
        p.renegotiate(p.server);
        assertEquals(3, p.serverFinished);
        assertEquals(3, p.clientFinished);
        byte[] data = "after the server's renegotiations".getBytes();
        assertArrayEquals(data, EnginePump.transfer(p.client, p.server, data));
        assertArrayEquals(data, EnginePump.transfer(p.server, p.client, data));
    }

    @Test
    void sunJsseClientRenegotiatesWithSslkitServer() throws Exception {
        SSLEngine client = PKI.sunJsse(null).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        ManagerCallbacksTest.SpyKeyManager km = new ManagerCallbacksTest.SpyKeyManager(PKI.server);
        List<String> names = km.calls;
        SSLEngine server = ManagerCallbacksTest.sslkit(km).createSSLEngine();
        server.setUseClientMode(false);
        EnginePump p = new EnginePump(client, server);
        p.handshake();
        int asked = names.size();
        // without its session the server cannot resume: the renegotiation is a full handshake
        server.getSession().invalidate();
        p.renegotiate(p.client);
        assertEquals(2, p.clientFinished);
        assertEquals(2, p.serverFinished);
        assertEquals(2 * asked, names.size(), "the key manager is asked again, through a handshake session: "
                + names);
        assertEquals(names.subList(0, asked), names.subList(asked, 2 * asked));
        byte[] data = "both ways".getBytes();
        assertArrayEquals(data, EnginePump.transfer(p.client, p.server, data));
    }
}
