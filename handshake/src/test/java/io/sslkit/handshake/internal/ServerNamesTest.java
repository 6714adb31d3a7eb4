package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** server_name as the server reads it (RFC 6066 §3). */
class ServerNamesTest {
    private static String read(byte[] body) throws SslAlertException {
        return ServerNames.hostName(List.of(new Extension(Extension.SERVER_NAME, body)));
    }

    @Test
    void readsWhatTheClientWrites() throws SslAlertException {
        assertEquals("www.example.com", read(ClientHandshaker.serverName("www.example.com").data()));
        assertNull(ServerNames.hostName(List.of()));
    }

    /** Found by fuzzing: a non-ASCII byte came back as U+FFFD, a name the client never sent. */
    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x20, 0x7F, 0x94, 0xFF})
    void refusesAHostNameOutsidePrintableAscii(int bad) {
        byte[] body = ClientHandshaker.serverName("www.example.com").data();
        body[body.length - 4] = (byte) bad;
        SslAlertException e = assertThrows(SslAlertException.class, () -> read(body));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }
}
