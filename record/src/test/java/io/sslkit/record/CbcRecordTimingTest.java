package io.sslkit.record;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.testing.JcaBulkCipher;
import io.sslkit.record.testing.JcaDigest;
import io.sslkit.record.testing.ReferenceRecord;
import io.sslkit.record.testing.Suite;
import io.sslkit.record.testing.TimingHarness;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opt-in (not in CI): can the time RecordLayer.read takes on a CBC record tell a valid record, one with bad padding
 * and one with a bad MAC apart? That is the padding oracle of Vaudenay (2002) and Canvel et al. (2003), and Lucky 13
 * (AlFardan-Paterson 2013) when the MAC's cost leaks the padding length. EqualWorkTest proves equal work by counting
 * hash compressions; this measures the real thing, Welch's t over interleaved trials.
 *
 * <p>All three records are equally long and carry 79 bytes of padding, so that a MAC computed over the content only
 * (as before Lucky 13's fix) would be a whole hash block shorter for the valid record than for the bad-padding one.
 * Run with {@code mvn -o -q -pl record test -Dsslkit.timing=true -Dtest='*TimingTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}; see {@link TimingHarness} for the method and its knobs.
 */
@EnabledIfSystemProperty(named = "sslkit.timing", matches = "true")
class CbcRecordTimingTest {
    private static final int PAD_LENGTH = 79;
    /** content + MAC + padding + its length byte, a multiple of every block size: explicit IV not counted. */
    private static final int TOTAL = 256;
    /** The positive control's extra content: four AES blocks, one SHA block: about what Lucky 13 measured. */
    private static final int CONTROL_EXTRA = 64;
    private static final String VALID = "valid";
    private static final String BAD_PADDING = "bad-padding";
    private static final String BAD_MAC = "bad-mac";
    private static final String CONTROL = "control:longer";
    private static final String VALID_THEN_ALERT = "valid+alert";
    private static final String BAD_MAC_NO_PADDING = "bad-mac/pad0";

    static List<Suite> suites() {
        List<Suite> out = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2)) {
            for (JcaDigest d : List.of(JcaDigest.SHA, JcaDigest.SHA256)) {
                out.add(Suite.of(v, JcaBulkCipher.AES_128_CBC, d));
            }
        }
        return out;
    }

    /** The first record of a connection (sequence number 0) of {@code total} bytes before the explicit IV. */
    private static byte[] record(Suite s, int total, boolean breakPadding, boolean breakMac) throws Exception {
        return record(s, total, PAD_LENGTH, breakPadding, breakMac);
    }

    private static byte[] record(Suite s, int total, int padLength, boolean breakPadding, boolean breakMac)
            throws Exception {
        byte[] content = new byte[total - s.digest().length() - 1 - padLength];
        byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content);
        if (breakMac) {
            mac[mac.length - 1] ^= 1;
        }
        byte[] iv = s.explicitIv() ? new byte[s.cipher().blockSize()] : null;
        byte[] plain = ReferenceRecord.plaintext(s, iv, content, mac, padLength, padLength);
        if (breakPadding) {
            // The padding byte farthest from the length byte: only a check of every byte can see it.
            plain[plain.length - 1 - padLength] ^= 1;
        }
        return ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                s.cipher().encrypt(s.key(), s.iv(), plain));
    }

    /** A class of records; the check proves each was accepted or refused with bad_record_mac, as its class says. */
    private static TimingHarness.Input input(String name, Suite s, byte[] record, int acceptedLength) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TimingHarness.Trial prepare() throws Exception {
                // A fresh reader at sequence number 0, and a fresh copy: the record is decrypted in place.
                RecordLayer reader = Connection.reader(s);
                ByteBuffer in = ByteBuffer.wrap(record.clone());
                return new TimingHarness.Trial() {
                    @Override
                    public Object run() throws Exception {
                        return reader.read(in);
                    }

                    @Override
                    public void check(Object outcome) {
                        if (acceptedLength >= 0) {
                            Record r = assertInstanceOf(Record.class, outcome, name);
                            assertEquals(acceptedLength, r.fragment().remaining(), name);
                        } else {
                            SslAlertException e = assertInstanceOf(SslAlertException.class, outcome, name);
                            assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert(), name);
                        }
                    }
                };
            }
        };
    }

    /**
     * Not asserted, a yardstick for the log: a valid record whose read is followed by throwing the exception the
     * record layer throws for a bad one. If it costs what bad-padding and bad-mac cost, a difference between those
     * and the valid record is the price of the exception, whose outcome the peer sees anyway as a fatal alert.
     */
    private static TimingHarness.Input validThenAlert(Suite s, byte[] record) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return VALID_THEN_ALERT;
            }

            @Override
            public TimingHarness.Trial prepare() throws Exception {
                RecordLayer reader = Connection.reader(s);
                ByteBuffer in = ByteBuffer.wrap(record.clone());
                return new TimingHarness.Trial() {
                    @Override
                    public Object run() throws Exception {
                        Record r = reader.read(in);
                        throw new SslAlertException(AlertDescription.BAD_RECORD_MAC,
                                r == null ? "incomplete" : "record MAC or padding check failed");
                    }

                    @Override
                    public void check(Object outcome) {
                        SslAlertException e = assertInstanceOf(SslAlertException.class, outcome, VALID_THEN_ALERT);
                        assertEquals("record MAC or padding check failed (alert bad_record_mac)", e.getMessage());
                    }
                };
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void validBadPaddingAndBadMacTakeTheSameTime(Suite s) throws Exception {
        int contentLength = TOTAL - s.digest().length() - 1 - PAD_LENGTH;
        List<TimingHarness.Input> inputs = List.of(
                input(VALID, s, record(s, TOTAL, false, false), contentLength),
                input(BAD_PADDING, s, record(s, TOTAL, true, false), -1),
                input(BAD_MAC, s, record(s, TOTAL, false, true), -1),
                input(CONTROL, s, record(s, TOTAL + CONTROL_EXTRA, false, false), contentLength + CONTROL_EXTRA),
                validThenAlert(s, record(s, TOTAL, false, false)),
                input(BAD_MAC_NO_PADDING, s, record(s, TOTAL, 0, false, true), -1));
        TimingHarness.Result result = TimingHarness.measure(inputs, 20_000, 400_000, 25);
        System.out.printf("%s, %d-byte records, padding %d: %d rounds in %.1f s, seed %d, trimmed top %d %%,"
                + " load %s%n", s, TOTAL, PAD_LENGTH, result.rounds(), result.seconds(), result.seed(),
                TimingHarness.TRIM_PERCENT, TimingHarness.loadAverage());
        String[][] pairs = {{VALID, BAD_PADDING}, {VALID, BAD_MAC}, {BAD_PADDING, BAD_MAC}};
        for (String[] pair : pairs) {
            System.out.println(result.describe(pair[0], pair[1]));
        }
        System.out.println(result.describe(VALID, CONTROL));
        System.out.println(result.describe(VALID_THEN_ALERT, BAD_MAC) + "   (yardstick, not asserted)");
        // The MAC of a bad-padding record covers all the content, as does that of a bad-MAC record without padding;
        // a bad-MAC record with padding hashes less content and makes up the difference with extra compressions.
        System.out.println(result.describe(BAD_PADDING, BAD_MAC_NO_PADDING) + "   (yardstick, not asserted)");
        System.out.println(result.describe(BAD_MAC_NO_PADDING, BAD_MAC) + "   (yardstick, not asserted)");
        assertTrue(Math.abs(result.t(VALID, CONTROL)) >= TimingHarness.T_THRESHOLD,
                "too noisy to conclude: the run cannot see " + CONTROL_EXTRA + " more bytes; "
                        + result.describe(VALID, CONTROL));
        List<Executable> checks = new ArrayList<>();
        for (String[] pair : pairs) {
            checks.add(() -> assertTrue(Math.abs(result.t(pair[0], pair[1])) < TimingHarness.T_THRESHOLD,
                    result.describe(pair[0], pair[1])));
        }
        // Every pair is reported, not just the first that fails.
        assertAll(checks);
    }
}
