package io.sslkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.alert.Alert;
import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.SslListener;
import io.sslkit.handshake.testing.Budget;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fuzz target for the alert decoder ({@link Alert#decode}) and the alert protocol's rules
 * ({@link AlertProtocol#receive}). Input: one byte choosing the version (or none yet), then fragments, each a length
 * byte (taken modulo 4, so that wrong lengths stay common) followed by that many bytes.
 */
class AlertFuzzTest {

    @FuzzTest
    void alerts(byte[] data) {
        Budget.allowingClassLoading(() -> {
            if (data.length == 0) {
                return;
            }
            int v = (data[0] & 0xff) % (ProtocolVersion.values().length + 1);
            ProtocolVersion version = v == 0 ? null : ProtocolVersion.values()[v - 1];
            AlertProtocol protocol = new AlertProtocol(SslListener.NONE,
                    AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS);
            Budget budget = new Budget(data.length, 256 * 1024, 64);
            int warningsInARow = 0;
            int p = 1;
            while (p < data.length) {
                int length = Math.min((data[p] & 0x03), data.length - p - 1);
                byte[] fragment = Arrays.copyOfRange(data, p + 1, p + 1 + length);
                p += 1 + length;
                checkDecode(fragment, budget);
                Alert a;
                try {
                    a = budget.call("AlertProtocol.receive",
                            () -> protocol.receive(ByteBuffer.wrap(fragment), version));
                } catch (SslAlertException e) {
                    checkRefusal(e, fragment, protocol, warningsInARow);
                    return;
                }
                if (a.isFatal()) {
                    throw new AssertionError("a fatal alert was returned instead of thrown: " + a);
                }
                if (a.description() != AlertDescription.CLOSE_NOTIFY) {
                    warningsInARow++;
                    if (warningsInARow > AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS) {
                        throw new AssertionError(warningsInARow + " warnings in a row were accepted");
                    }
                }
                if (!protocol.sessionResumable()) {
                    throw new AssertionError("a warning made the session unresumable: " + a);
                }
            }
        });
    }

    /** Decoding is a pure function of the two bytes: it round-trips, or refuses with decode_error. */
    private static void checkDecode(byte[] fragment, Budget budget) {
        try {
            Alert a = budget.call("Alert.decode", () -> Alert.decode(ByteBuffer.wrap(fragment)));
            if (!Arrays.equals(a.encode(), fragment)) {
                throw new AssertionError("decode/encode does not round-trip: " + Arrays.toString(fragment));
            }
        } catch (SslAlertException e) {
            if (e.alert() != AlertDescription.DECODE_ERROR || e.isReceived()) {
                throw new AssertionError("Alert.decode refused with " + e.getMessage(), e);
            }
        }
    }

    private static void checkRefusal(SslAlertException e, byte[] fragment, AlertProtocol protocol,
                                     int warningsInARow) {
        if (e.isReceived()) {
            // the peer's fatal alert: the session is over and says so
            if (protocol.sessionResumable() || !protocol.fatalReceived()) {
                throw new AssertionError("fatal alert received but the session is still resumable", e);
            }
            if (fragment.length != Alert.LENGTH || e.alert().code() != (fragment[1] & 0xff)) {
                throw new AssertionError("received " + e.alert() + " from " + Arrays.toString(fragment), e);
            }
            return;
        }
        boolean flood = e.alert() == AlertDescription.UNEXPECTED_MESSAGE
                && warningsInARow == AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS;
        if (e.alert() != AlertDescription.DECODE_ERROR && !flood) {
            throw new AssertionError("unexpected refusal: " + e.getMessage(), e);
        }
    }
}
