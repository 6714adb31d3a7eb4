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
import io.sslkit.record.internal.ConnectionState;
import io.sslkit.record.testing.TimingHarness;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opt-in (not in CI): can the time of the CBC record check tell a valid record, one with bad padding and one with a
 * bad MAC apart? That is the padding oracle of Vaudenay (2002) and Canvel et al. (2003), and Lucky 13
 * (AlFardan-Paterson 2013) when the MAC's cost leaks the padding length. EqualWorkTest proves equal work by counting
 * hash compressions; this measures the real thing, Welch's t over interleaved trials.
 *
 * <p>The boundary, asserted: {@link ConnectionState#open}, i.e. decryption, padding check and MAC check, which end in
 * one accepted-or-refused result returned by value. What happens after the verdict is outside it: a refused record
 * ends in a bad_record_mac exception and a fatal alert, so the peer learns the outcome anyway, and only the check
 * must not say why. Asserted pairs: valid vs bad padding vs bad MAC (all three with 79 bytes of padding, so that a MAC
 * over the content alone, as before Lucky 13's fix, would be a whole hash block shorter for the valid record than for
 * the bad-padding one), and a bad MAC with 79 bytes of padding vs one with none (the padding length). The positive
 * control, a valid record with 64 more bytes of content, must be seen, or the run is too noisy to vouch for anything.
 * Each class is thousands of records with random content (see {@link Pool}).
 *
 * <p>Reported, not asserted: the whole {@link RecordLayer#read} of a valid and of a refused (bad MAC) record, a
 * yardstick for what the exception and the returned Record cost on top of the check; and two sets of valid records
 * as two classes, which should differ by noise alone (a large t there says the run itself is biased).
 *
 * <p>Run with {@code mvn -o -q -pl record test -Dsslkit.timing=true -Dtest='*TimingTest'
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
    private static final String VALID_AGAIN = "valid-again";
    private static final String BAD_PADDING = "bad-padding";
    private static final String BAD_MAC = "bad-mac";
    private static final String BAD_MAC_NO_PADDING = "bad-mac/pad0";
    private static final String CONTROL = "control:longer";
    private static final String READ_VALID = "read:valid";
    private static final String READ_REFUSED = "read:bad-mac";

    static List<Suite> suites() {
        List<Suite> out = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS_1_0, ProtocolVersion.TLS_1_2)) {
            for (JcaDigest d : List.of(JcaDigest.SHA, JcaDigest.SHA256)) {
                out.add(Suite.of(v, JcaBulkCipher.AES_128_CBC, d));
            }
        }
        return out;
    }

    /**
     * The first record of a connection (sequence number 0) of {@code total} bytes before the explicit IV, with random
     * content: a class is many such records, so that it differs from another class in its defect alone.
     */
    private static byte[] record(Suite s, Kind kind, Random random) throws Exception {
        int padLength = kind.padLength();
        byte[] content = new byte[kind.total() - s.digest().length() - 1 - padLength];
        random.nextBytes(content);
        byte[] mac = ReferenceRecord.mac(s, 0, ContentType.APPLICATION_DATA.code(), content);
        if (kind.breakMac()) {
            mac[mac.length - 1] ^= 1;
        }
        byte[] iv = s.explicitIv() ? new byte[s.cipher().blockSize()] : null;
        byte[] plain = ReferenceRecord.plaintext(s, iv, content, mac, padLength, padLength);
        if (kind.breakPadding()) {
            // The padding byte farthest from the length byte: only a check of every byte can see it.
            plain[plain.length - 1 - padLength] ^= 1;
        }
        return ReferenceRecord.record(ContentType.APPLICATION_DATA.code(), s.version(),
                s.cipher().encrypt(s.key(), s.iv(), plain));
    }

    /**
     * A class of records put through the check alone; the outcome (content length, or -1 for refused) is kept in the
     * trial rather than returned, so that boxing it costs nothing in the timed call.
     */
    private static TimingHarness.Input check(String name, Suite s, Pool pool, int kind, int acceptedLength) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TimingHarness.Trial prepare() {
                // A fresh state at sequence number 0, and a fresh copy: the fragment is decrypted in place.
                ConnectionState state = ConnectionState.keyed(s.version(), s.cipher(), s.digest(), s.macSecret(),
                        s.key(), s.iv(), false);
                byte[] buf = pool.draw(kind);
                int off = RecordLimits.HEADER_LENGTH;
                int length = buf.length - off;
                int type = ContentType.APPLICATION_DATA.code();
                int wireVersion = s.version().wireValue();
                return new TimingHarness.Trial() {
                    private int result;

                    @Override
                    public Object run() throws Exception {
                        result = state.open(type, wireVersion, buf, off, length, buf, off);
                        return this;
                    }

                    @Override
                    public void check(Object outcome) {
                        assertEquals(this, outcome, name);
                        assertEquals(acceptedLength, result, name);
                    }
                };
            }
        };
    }

    /** The whole RecordLayer.read; the check proves the record was accepted or refused with bad_record_mac. */
    private static TimingHarness.Input read(String name, Suite s, Pool pool, int kind, int acceptedLength) {
        return new TimingHarness.Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TimingHarness.Trial prepare() throws Exception {
                RecordLayer reader = Connection.reader(s);
                ByteBuffer in = ByteBuffer.wrap(pool.draw(kind));
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

    /** One kind of record: its total length, padding length and defect. */
    private record Kind(int total, int padLength, boolean breakPadding, boolean breakMac) {
    }

    /**
     * {@link #SIZE} distinct records of each kind, with random content, in one array, the kinds interleaved (one of
     * each kind, then the next of each ...): a call is prepared from a fresh copy of one of them, picked at random.
     *
     * <p>Why distinct records: the time of the check follows the values it computes on, not only its instructions.
     * Two single valid records that differ in their content alone, measured as two classes, differed by |t| up to
     * 10.7 under C2 (2026-11-27), as much as a single valid, bad-padding and bad-MAC record did. With one
     * record per class the test measured which bytes a class had, not why it was refused. Drawn from thousands of
     * random records, each class's value effects average out and only its defect is left to tell it apart.
     *
     * <p>Why one array: with an array of records per kind, two sets of valid records differed by |t| 13.5 while
     * two classes drawing from the same set did not. The garbage collector moves each kind's records
     * together, so a class's source lay in memory of its own, which the TLB and caches around the call can see
     * although the call only reads the copy. One array is never taken apart by the collector.
     */
    private static final class Pool {
        private static final int SIZE = 16384;
        private final byte[] records;
        private final int slot;
        private final int[] lengths;

        Pool(Suite s, List<Kind> kinds) throws Exception {
            Random random = new Random();
            byte[][] made = new byte[SIZE * kinds.size()][];
            int longest = 0;
            for (int i = 0; i < made.length; i++) {
                made[i] = record(s, kinds.get(i % kinds.size()), random);
                longest = Math.max(longest, made[i].length);
            }
            slot = longest;
            records = new byte[made.length * slot];
            lengths = new int[kinds.size()];
            for (int i = 0; i < made.length; i++) {
                System.arraycopy(made[i], 0, records, i * slot, made[i].length);
                lengths[i % kinds.size()] = made[i].length;
            }
        }

        /** A fresh copy of a random record of kind {@code kind} (the fragment is decrypted in place). */
        byte[] draw(int kind) {
            int i = ThreadLocalRandom.current().nextInt(SIZE) * lengths.length + kind;
            return Arrays.copyOfRange(records, i * slot, i * slot + lengths[kind]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void validBadPaddingAndBadMacTakeTheSameTime(Suite s) throws Exception {
        int contentLength = TOTAL - s.digest().length() - 1 - PAD_LENGTH;
        // Kinds 0 and 1 are both valid: two sets of records, so that their pair is the run's own noise.
        Pool pool = new Pool(s, List.of(
                new Kind(TOTAL, PAD_LENGTH, false, false),
                new Kind(TOTAL, PAD_LENGTH, false, false),
                new Kind(TOTAL, PAD_LENGTH, true, false),
                new Kind(TOTAL, PAD_LENGTH, false, true),
                new Kind(TOTAL, 0, false, true),
                new Kind(TOTAL + CONTROL_EXTRA, PAD_LENGTH, false, false)));
        List<TimingHarness.Input> inputs = List.of(
                check(VALID, s, pool, 0, contentLength),
                check(VALID_AGAIN, s, pool, 1, contentLength),
                check(BAD_PADDING, s, pool, 2, -1),
                check(BAD_MAC, s, pool, 3, -1),
                check(BAD_MAC_NO_PADDING, s, pool, 4, -1),
                check(CONTROL, s, pool, 5, contentLength + CONTROL_EXTRA),
                read(READ_VALID, s, pool, 0, contentLength),
                read(READ_REFUSED, s, pool, 3, -1));
        TimingHarness.Result result = TimingHarness.measure(inputs, 20_000, 400_000, 25);
        System.out.printf("%s, %d-byte records, padding %d: %d rounds in %.1f s, seed %d, trimmed top %d %%,"
                + " load %s%n", s, TOTAL, PAD_LENGTH, result.rounds(), result.seconds(), result.seed(),
                TimingHarness.TRIM_PERCENT, TimingHarness.loadAverage());
        String[][] pairs = {{VALID, BAD_PADDING}, {VALID, BAD_MAC}, {BAD_PADDING, BAD_MAC},
                {BAD_MAC_NO_PADDING, BAD_MAC}};
        for (String[] pair : pairs) {
            System.out.println(result.describe(pair[0], pair[1]));
        }
        System.out.println(result.describe(VALID, CONTROL) + "   (positive control: must be seen)");
        System.out.println(result.describe(VALID, VALID_AGAIN)
                + "   (two sets of valid records: the run's own noise)");
        System.out.println(result.describe(READ_VALID, READ_REFUSED) + "   (whole read, yardstick, not asserted)");
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
