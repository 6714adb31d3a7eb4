package io.sslkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.handshake.SessionCache;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.ContentType;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target that reaches every state of both engines, the ones after Finished included: a real client and a real
 * server handshake with each other, and the fuzzer's record is injected into one side's input at the point it
 * chooses, encrypted under the genuine keys once that side reads protected records (see {@link Conversation}). It
 * makes up for the missing fuzzer mode: the fuzzer never has to forge a Finished.
 *
 * <p>Input: byte 0 = victim (bit 0: server) and version (bit 1: TLS 1.2 AES-CBC-SHA256, else SSL 3.0 RC4-MD5);
 * byte 1 = the victim's record before which to inject (0 up to just after the handshake); byte 2 = content type
 * (20 + value mod 4); the rest = the record's plaintext.
 */
class ConversationFuzzTest {
    static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_2);
    static final List<String> SUITES = List.of("SSL_RSA_WITH_RC4_128_MD5", "TLS_RSA_WITH_AES_128_CBC_SHA256");
    /** Records each side receives in a full handshake: server CH CKE CCS Fin; client SH Cert SHD CCS Fin. */
    static final int SERVER_RECORDS = 4;
    static final int CLIENT_RECORDS = 5;
    static final long MAX_CONVERSATION_MILLIS = 10_000;

    static {
        // load every class a conversation reaches before inputs are timed
        for (int i = 0; i < 4; i++) {
            try {
                conversation(i & 1, i >> 1).run(Integer.MAX_VALUE, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FuzzTest
    void injectedRecord(byte[] data) {
        if (data.length < 3) {
            return;
        }
        int victimIsServer = data[0] & 1;
        int version = (data[0] >>> 1) & 1;
        int records = victimIsServer == 1 ? SERVER_RECORDS : CLIENT_RECORDS;
        int at = (data[1] & 0xff) % (records + 1);
        ContentType type = ContentType.fromCode(20 + (data[2] & 0xff) % 4).orElseThrow();
        byte[] content = Arrays.copyOfRange(data, 3, data.length);
        if (content.length == 0 || content.length > 1 << 14) {
            // the record layer itself refuses to send these; the record decoder targets cover them on the wire
            return;
        }
        Conversation c = conversation(victimIsServer, version);
        long start = System.nanoTime();
        try {
            c.run(at, new Conversation.Injection(type, content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the eavesdropper failed to derive keys", e);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("an engine let " + t.getClass().getName() + " escape instead of an alert", t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > MAX_CONVERSATION_MILLIS) {
            throw new AssertionError("conversation took " + millis + " ms");
        }
    }

    static Conversation conversation(int victimIsServer, int version) {
        ProtocolVersion v = VERSIONS.get(version);
        String suite = SUITES.get(version);
        SslEngine client = Engines.clientEngine(Engines.client(41, v).cipherSuites(suite)
                .sessionCache(new SessionCache()).build());
        SslEngine server = Engines.serverEngine(Engines.server(42, v).cipherSuites(suite)
                .sessionCache(new SessionCache()).build());
        return new Conversation(client, server, victimIsServer == 1, null);
    }
}
