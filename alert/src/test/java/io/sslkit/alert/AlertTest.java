package io.sslkit.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.AlertLevel;
import io.sslkit.api.SslAlertException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The two-byte Alert structure. */
class AlertTest {

    @Test
    void encodesLevelThenDescription() {
        assertArrayEquals(new byte[] {2, 40}, new Alert(AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE).encode());
        assertArrayEquals(new byte[] {1, 0}, new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).encode());
        assertArrayEquals(new byte[] {1, 112},
                new Alert(AlertLevel.WARNING, AlertDescription.UNRECOGNIZED_NAME).encode());
    }

    @Test
    void everyAlertRoundTrips() throws Exception {
        for (AlertLevel l : AlertLevel.values()) {
            for (AlertDescription d : AlertDescription.values()) {
                Alert a = new Alert(l, d);
                ByteBuffer b = ByteBuffer.wrap(a.encode());
                assertEquals(a, Alert.decode(b));
                assertEquals(0, b.remaining());
            }
        }
    }

    @Test
    void malformedAlertsAreDecodeErrors() {
        byte[][] bad = {{}, {1}, {1, 0, 0}, {2, 40, 1, 0}, {0, 0}, {3, 40}, {(byte) 255, 0}, {1, 1}, {2, 99},
                {2, (byte) 255}, {1, 113}};
        for (byte[] b : bad) {
            SslAlertException e = assertThrows(SslAlertException.class, () -> Alert.decode(ByteBuffer.wrap(b)),
                    java.util.Arrays.toString(b));
            assertEquals(AlertDescription.DECODE_ERROR, e.alert());
        }
    }
}
