package io.sslkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.Digest;
import io.sslkit.handshake.testing.Budget;
import io.sslkit.record.CipherState;
import io.sslkit.record.Record;
import io.sslkit.record.RecordLayer;
import io.sslkit.record.RecordLimits;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for the record decoder ({@link RecordLayer#read}): once in the initial (plaintext) state, once under
 * a known key for each kind of protection (stream cipher, CBC with implicit and explicit IV, SSL 3.0 MAC, HMAC, NULL
 * cipher). The first input byte chooses the configuration, the rest is wire bytes. The committed seeds hold valid
 * records under exactly these keys, so the fuzzer starts past the MAC check.
 */
class RecordFuzzTest {
    /** One record protection: what a handshake would have negotiated. */
    record Protection(ProtocolVersion version, String cipher, String mac) {
    }

    static final List<Protection> PROTECTIONS = List.of(
            new Protection(ProtocolVersion.SSL_3_0, "RC4_128", "MD5"),
            new Protection(ProtocolVersion.SSL_3_0, "3DES_EDE_CBC", "SHA"),
            new Protection(ProtocolVersion.TLS_1_0, "AES_128_CBC", "SHA"),
            new Protection(ProtocolVersion.TLS_1_1, "AES_128_CBC", "SHA"),
            new Protection(ProtocolVersion.TLS_1_2, "AES_128_CBC", "SHA256"),
            new Protection(ProtocolVersion.TLS_1_2, "RC4_128", "SHA"),
            new Protection(ProtocolVersion.TLS_1_0, "NULL", "SHA"));

    /** What the record layer may say about bad input (RFC 5246 §6.2, mapped per version by the alert module). */
    static final Set<AlertDescription> RECORD_ALERTS = Set.of(AlertDescription.UNEXPECTED_MESSAGE,
            AlertDescription.PROTOCOL_VERSION, AlertDescription.RECORD_OVERFLOW, AlertDescription.BAD_RECORD_MAC,
            AlertDescription.DECRYPTION_FAILED, AlertDescription.ILLEGAL_PARAMETER, AlertDescription.DECODE_ERROR,
            AlertDescription.HANDSHAKE_FAILURE);

    static {
        // load and initialise the classes once, so that their one-time allocations do not count against an input
        for (int i = 0; i < PROTECTIONS.size(); i++) {
            readAll(reader(PROTECTIONS.get(i)), new byte[] {23, 3, 1, 0, 0}, new Budget(5, Long.MAX_VALUE / 2, 0),
                    PROTECTIONS.get(i).version());
        }
    }

    @FuzzTest
    void plaintextRecords(byte[] data) {
        Budget.allowingClassLoading(() -> {
            if (data.length == 0) {
                return;
            }
            RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT);
            ProtocolVersion version = null;
            // low bit: before or after a version was negotiated; the next bits: which version
            if ((data[0] & 1) != 0) {
                version = ProtocolVersion.values()[((data[0] & 0xff) >>> 1) % ProtocolVersion.values().length];
                layer.setVersion(version);
            }
            byte[] wire = Arrays.copyOfRange(data, 1, data.length);
            readAll(layer, wire, budget(wire.length), version);
        });
    }

    @FuzzTest
    void protectedRecords(byte[] data) {
        Budget.allowingClassLoading(() -> {
            if (data.length == 0) {
                return;
            }
            Protection p = PROTECTIONS.get((data[0] & 0xff) % PROTECTIONS.size());
            byte[] wire = Arrays.copyOfRange(data, 1, data.length);
            readAll(reader(p), wire, budget(wire.length), p.version());
        });
    }

    /** A record needs no more than a few objects; the fixed part covers exceptions and their stack traces. */
    static Budget budget(int inputLength) {
        return new Budget(inputLength, 512 * 1024, 16);
    }

    /** Reads records until the input runs out or the layer refuses it, checking each record it returns. */
    static void readAll(RecordLayer layer, byte[] wire, Budget budget, ProtocolVersion version) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        try {
            while (true) {
                int before = in.position();
                Record r = budget.call("RecordLayer.read", () -> layer.read(in));
                if (r == null) {
                    if (in.position() != before) {
                        throw new AssertionError("read returned no record but consumed input");
                    }
                    return;
                }
                if (in.position() - before < RecordLimits.HEADER_LENGTH) {
                    throw new AssertionError("a record consumed " + (in.position() - before) + " bytes");
                }
                if (r.fragment().remaining() > RecordLimits.MAX_PLAINTEXT) {
                    throw new AssertionError("fragment of " + r.fragment().remaining() + " bytes exceeds 2^14");
                }
                if (r.fragment().remaining() > in.position() - before) {
                    throw new AssertionError("plaintext longer than its record");
                }
                // the fragment view must be readable to its end
                ByteBuffer f = r.fragment().duplicate();
                while (f.hasRemaining()) {
                    f.get();
                }
            }
        } catch (SslAlertException e) {
            if (!RECORD_ALERTS.contains(e.alert())) {
                throw new AssertionError("unexpected alert from the record layer: " + e.getMessage(), e);
            }
            if (version != null && !e.alert().definedIn(version)) {
                throw new AssertionError(e.alert() + " is not defined in " + version, e);
            }
        }
    }

    static RecordLayer reader(Protection p) {
        RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT);
        layer.setVersion(p.version());
        layer.setPendingRead(state(p, false));
        try {
            layer.changeReadCipherSpec();
        } catch (SslAlertException e) {
            throw new IllegalStateException(e);
        }
        return layer;
    }

    /** The writing half with the same keys: makes the seed records. */
    static RecordLayer writer(Protection p) {
        RecordLayer layer = new RecordLayer(RecordLimits.DEFAULT);
        layer.setVersion(p.version());
        layer.setPendingWrite(state(p, true));
        layer.changeWriteCipherSpec();
        return layer;
    }

    /** Fixed, known key material: a fuzz target needs a key it can make valid records with, not a secret one. */
    static CipherState state(Protection p, boolean forWriting) {
        BulkCipher cipher = Engines.REGISTRY.bulkCipher(p.cipher()).orElseThrow();
        Digest mac = Engines.REGISTRY.digest(p.mac()).orElseThrow();
        byte[] macSecret = filled(mac.length(), 0x11);
        byte[] key = filled(cipher.keyLength(), 0x22);
        byte[] iv = cipher.type() == BulkCipher.Type.BLOCK ? filled(cipher.blockSize(), 0x33) : null;
        return CipherState.create(p.version(), cipher, mac, macSecret, key, iv, forWriting);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
