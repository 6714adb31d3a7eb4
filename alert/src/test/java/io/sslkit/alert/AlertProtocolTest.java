package io.sslkit.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert protocol rules: fatal alerts, close_notify, warning floods, truncation and the version mapping. */
class AlertProtocolTest {

    /** What the listener saw, one string per alert: "sent fatal handshake_failure". */
    private static final class Recorder implements SslListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void alert(boolean sent, AlertLevel level, AlertDescription description) {
            events.add((sent ? "sent " : "received ") + level + " " + description);
        }
    }

    private static ByteBuffer bytes(int level, int description) {
        return ByteBuffer.wrap(new byte[] {(byte) level, (byte) description});
    }

    @Test
    void aFatalAlertReceivedThrowsNamingItAndEndsTheSession() {
        Recorder r = new Recorder();
        AlertProtocol p = new AlertProtocol(r, 5);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> p.receive(bytes(2, 40), ProtocolVersion.TLS_1_2));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        assertTrue(e.isReceived());
        assertTrue(e.getMessage().contains("handshake_failure"));
        assertEquals(List.of("received fatal handshake_failure"), r.events);
        assertTrue(p.fatalSeen());
        assertTrue(p.fatalReceived());
        assertFalse(p.sessionResumable());
    }

    @Test
    void alwaysFatalDescriptionsAreFatalEvenAtWarningLevel() {
        for (AlertDescription d : new AlertDescription[] {AlertDescription.BAD_RECORD_MAC,
                AlertDescription.UNEXPECTED_MESSAGE, AlertDescription.ILLEGAL_PARAMETER, AlertDescription.DECODE_ERROR,
                AlertDescription.HANDSHAKE_FAILURE, AlertDescription.INTERNAL_ERROR}) {
            AlertProtocol p = new AlertProtocol(SslListener.NONE, 5);
            SslAlertException e = assertThrows(SslAlertException.class,
                    () -> p.receive(bytes(1, d.code()), ProtocolVersion.TLS_1_0));
            assertEquals(d, e.alert());
            assertTrue(e.isReceived());
            assertFalse(p.sessionResumable());
        }
    }

    @Test
    void warningsThatMayBeWarningsAreReturned() throws Exception {
        Recorder r = new Recorder();
        AlertProtocol p = new AlertProtocol(r, 5);
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.NO_CERTIFICATE),
                p.receive(bytes(1, 41), ProtocolVersion.SSL_3_0));
        p.nonAlertRecordSeen();
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.NO_RENEGOTIATION),
                p.receive(bytes(1, 100), ProtocolVersion.TLS_1_2));
        assertEquals(List.of("received warning no_certificate", "received warning no_renegotiation"), r.events);
        assertFalse(p.fatalSeen());
        assertTrue(p.sessionResumable());
    }

    @Test
    void unknownOrMalformedAlertsAreFatal() {
        AlertProtocol p = new AlertProtocol(SslListener.NONE, 5);
        for (ByteBuffer b : List.of(bytes(1, 99), bytes(2, 200), bytes(9, 0), ByteBuffer.wrap(new byte[] {1}),
                ByteBuffer.wrap(new byte[] {1, 0, 1, 0}))) {
            SslAlertException e = assertThrows(SslAlertException.class, () -> p.receive(b, ProtocolVersion.TLS_1_1));
            assertEquals(AlertDescription.DECODE_ERROR, e.alert());
            assertFalse(e.isReceived(), "we detected it: the alert is ours to send");
        }
        // In SSL 3.0 it goes out as illegal_parameter.
        assertEquals(new Alert(AlertLevel.FATAL, AlertDescription.ILLEGAL_PARAMETER),
                p.fatal(AlertDescription.DECODE_ERROR, ProtocolVersion.SSL_3_0));
    }

    @Test
    void closeNotifyReceivedIsAnsweredAndKeepsTheSession() throws Exception {
        Recorder r = new Recorder();
        AlertProtocol p = new AlertProtocol(r, 5);
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY),
                p.receive(bytes(1, 0), ProtocolVersion.TLS_1_0));
        assertTrue(p.closeNotifyReceived());
        assertTrue(p.closeNotifyReplyDue());
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY), p.closeNotify());
        assertTrue(p.closeNotifySent());
        assertFalse(p.closeNotifyReplyDue());
        p.endOfInput();
        assertFalse(p.truncated());
        assertTrue(p.sessionResumable());
        assertEquals(List.of("received warning close_notify", "sent warning close_notify"), r.events);
    }

    @Test
    void closeNotifySentFirstThenTheReply() throws Exception {
        AlertProtocol p = new AlertProtocol(SslListener.NONE, 5);
        p.closeNotify();
        assertTrue(p.closeNotifySent());
        assertFalse(p.closeNotifyReceived());
        assertFalse(p.closeNotifyReplyDue());
        p.receive(bytes(1, 0), ProtocolVersion.SSL_3_0);
        assertTrue(p.closeNotifyReceived());
        assertFalse(p.closeNotifyReplyDue());
        p.endOfInput();
        assertTrue(p.sessionResumable());
    }

    @Test
    void endOfInputWithoutCloseNotifyIsTruncationAndTheSessionIsLost() {
        AlertProtocol p = new AlertProtocol(SslListener.NONE, 5);
        assertTrue(p.sessionResumable());
        p.closeNotify();
        p.endOfInput();
        assertTrue(p.truncated());
        assertFalse(p.sessionResumable());
    }

    @Test
    void aFatalAlertSentEndsTheSession() {
        Recorder r = new Recorder();
        AlertProtocol p = new AlertProtocol(r, 5);
        assertEquals(new Alert(AlertLevel.FATAL, AlertDescription.BAD_RECORD_MAC),
                p.fatal(AlertDescription.BAD_RECORD_MAC, ProtocolVersion.TLS_1_2));
        assertTrue(p.fatalSent());
        assertFalse(p.sessionResumable());
        p.endOfInput();
        assertFalse(p.truncated(), "a fatal alert, not a truncation, ended it");
        assertEquals(List.of("sent fatal bad_record_mac"), r.events);
    }

    @Test
    void aFloodOfWarningsIsCutOff() throws Exception {
        AlertProtocol p = new AlertProtocol(SslListener.NONE, 3);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                p.receive(bytes(1, 90), ProtocolVersion.TLS_1_2);
            }
            // Any other record in between restarts the count.
            p.nonAlertRecordSeen();
        }
        for (int i = 0; i < 3; i++) {
            p.receive(bytes(1, 100), ProtocolVersion.TLS_1_2);
        }
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> p.receive(bytes(1, 100), ProtocolVersion.TLS_1_2));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
        assertFalse(e.isReceived());
        assertThrows(IllegalArgumentException.class, () -> new AlertProtocol(SslListener.NONE, 0));
    }

    @Test
    void everyFatalAlertIsMappedToOneTheVersionDefines() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (AlertDescription d : AlertDescription.values()) {
                AlertDescription sent = AlertProtocol.sendable(d, v);
                assertTrue(sent.definedIn(v), d + " -> " + sent + " in " + v);
                if (d.definedIn(v)) {
                    assertEquals(d, sent, "a defined description is sent as it is");
                }
            }
        }
        assertEquals(AlertDescription.ILLEGAL_PARAMETER,
                AlertProtocol.sendable(AlertDescription.RECORD_OVERFLOW, ProtocolVersion.SSL_3_0));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                AlertProtocol.sendable(AlertDescription.PROTOCOL_VERSION, ProtocolVersion.SSL_3_0));
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                AlertProtocol.sendable(AlertDescription.DECRYPTION_FAILED, ProtocolVersion.SSL_3_0));
        assertEquals(AlertDescription.DECRYPTION_FAILED,
                AlertProtocol.sendable(AlertDescription.DECRYPTION_FAILED, ProtocolVersion.TLS_1_0));
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                AlertProtocol.sendable(AlertDescription.DECRYPTION_FAILED, ProtocolVersion.TLS_1_1));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                AlertProtocol.sendable(AlertDescription.NO_CERTIFICATE, ProtocolVersion.TLS_1_0));
        assertEquals(AlertDescription.RECORD_OVERFLOW, AlertProtocol.sendable(AlertDescription.RECORD_OVERFLOW, null));
    }

    @Test
    void warningsMustBeDefinedInTheVersionAndNeverAlwaysFatal() {
        AlertProtocol p = new AlertProtocol(SslListener.NONE, 5);
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.NO_CERTIFICATE),
                p.warning(AlertDescription.NO_CERTIFICATE, ProtocolVersion.SSL_3_0));
        assertEquals(new Alert(AlertLevel.WARNING, AlertDescription.NO_RENEGOTIATION),
                p.warning(AlertDescription.NO_RENEGOTIATION, ProtocolVersion.TLS_1_2));
        assertThrows(IllegalArgumentException.class,
                () -> p.warning(AlertDescription.NO_CERTIFICATE, ProtocolVersion.TLS_1_0));
        assertThrows(IllegalArgumentException.class,
                () -> p.warning(AlertDescription.NO_RENEGOTIATION, ProtocolVersion.SSL_3_0));
        assertThrows(IllegalArgumentException.class,
                () -> p.warning(AlertDescription.BAD_RECORD_MAC, ProtocolVersion.TLS_1_2));
        assertFalse(p.fatalSeen());
    }

    @Test
    void aFailingListenerDoesNotBreakTheProtocol() {
        AlertProtocol p = new AlertProtocol(new SslListener() {
            @Override
            public void alert(boolean sent, AlertLevel level, AlertDescription description) {
                throw new IllegalStateException("listener bug");
            }
        }, 5);
        SslAlertException e = assertThrows(SslAlertException.class,
                () -> p.receive(bytes(2, 20), ProtocolVersion.TLS_1_0));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
        assertEquals(AlertLevel.FATAL, p.fatal(AlertDescription.INTERNAL_ERROR, ProtocolVersion.TLS_1_0).level());
    }
}
