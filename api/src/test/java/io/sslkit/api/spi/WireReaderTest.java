package io.sslkit.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import org.junit.jupiter.api.Test;

class WireReaderTest {

    @Test
    void readsVectorsThenRest() throws SslAlertException {
        WireReader r = new WireReader(new byte[] {0, 2, 7, 8, 0, 0, 9}, ProtocolVersion.TLS_1_2);
        assertArrayEquals(new byte[] {7, 8}, r.readVector16("dh_p", 1));
        assertArrayEquals(new byte[0], r.readVector16("empty", 0));
        assertArrayEquals(new byte[] {9}, r.rest());
        r.expectEnd("ServerDHParams");
        assertArrayEquals(new byte[0], r.rest());
    }

    @Test
    void faultsAreDecodeErrorInTls() {
        assertAlert(AlertDescription.DECODE_ERROR, ProtocolVersion.TLS_1_0, new byte[] {0}, 0);
        assertAlert(AlertDescription.DECODE_ERROR, ProtocolVersion.TLS_1_2, new byte[] {0, 3, 1, 2}, 0);
        assertAlert(AlertDescription.DECODE_ERROR, ProtocolVersion.TLS_1_1, new byte[] {0, 0}, 1);
    }

    @Test
    void faultsAreIllegalParameterInSsl3() {
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, ProtocolVersion.SSL_3_0, new byte[0], 0);
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, ProtocolVersion.SSL_3_0, new byte[] {(byte) 0xff, (byte) 0xff}, 0);
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, ProtocolVersion.SSL_3_0, new byte[] {0, 1, 5}, 2);
    }

    @Test
    void trailingBytesAreRejected() throws SslAlertException {
        WireReader tls = new WireReader(new byte[] {0, 1, 5, 6}, ProtocolVersion.TLS_1_2);
        tls.readVector16("x", 1);
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(SslAlertException.class, () -> tls.expectEnd("m")).alert());
        WireReader ssl3 = new WireReader(new byte[] {6}, ProtocolVersion.SSL_3_0);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER,
                assertThrows(SslAlertException.class, () -> ssl3.expectEnd("m")).alert());
    }

    private static void assertAlert(AlertDescription expected, ProtocolVersion version, byte[] data, int min) {
        WireReader r = new WireReader(data, version);
        assertEquals(expected, assertThrows(SslAlertException.class, () -> r.readVector16("field", min)).alert());
    }
}
