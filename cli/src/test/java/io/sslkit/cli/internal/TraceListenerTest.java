package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.HandshakeStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceListenerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TraceListener trace = new TraceListener("client", new PrintStream(bytes, true,
            StandardCharsets.UTF_8));

    @Test
    void stepLinesUseTheSeedsWordsAndIndentTheFacts() {
        trace.handshakeStep(HandshakeStep.CLIENT_HELLO, "offered SSLv3\nclient_random 5f3a");
        trace.handshakeStep(HandshakeStep.COMPLETE, "");
        assertEquals(List.of("[client] " + TraceListener.LEGEND,
                "[client] step 1/10  client sends its version, cipher settings and random data",
                "[client]             offered SSLv3",
                "[client]             client_random 5f3a",
                "[client] step 10/10  handshake complete; application data flows under the session keys"), lines());
    }

    @Test
    void messagesShowDirectionTypeAndLength() {
        trace.handshakeMessage(true, "client_hello", 57);
        trace.handshakeMessage(false, "server_hello_done", 0);
        assertEquals(List.of("[client] " + TraceListener.LEGEND, "[client]   -> sent     client_hello (57 bytes)",
                "[client]   <- received server_hello_done (0 bytes)"), lines());
    }

    @Test
    void alertsSayWhoSentThemAndWhatTheyMean() {
        trace.alert(false, AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE);
        trace.alert(true, AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
        trace.alert(false, AlertLevel.WARNING, AlertDescription.NO_CERTIFICATE);
        assertEquals(List.of("[client] " + TraceListener.LEGEND,
                "[client] alert received: fatal handshake_failure: the connection ends now",
                "[client] alert sent: warning close_notify: we will send nothing more",
                "[client] alert received: warning no_certificate"), lines());
    }

    private List<String> lines() {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
    }
}
