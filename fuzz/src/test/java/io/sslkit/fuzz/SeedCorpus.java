package io.sslkit.fuzz;

import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.SslConfig;
import io.sslkit.record.ContentType;
import io.sslkit.record.RecordLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the seed corpora of the fuzz targets from real handshakes between our own engines (and records made under
 * the record target's known keys). Run it after a wire-format change; see README.md. Seeds are starting points:
 * crash inputs that Jazzer saves next to them are the regression cases.
 *
 * <p>Usage: {@code SeedCorpus <src/test/resources>}
 */
public final class SeedCorpus {
    private final Path root;

    private SeedCorpus(Path root) {
        this.root = root.resolve("io/sslkit/fuzz");
    }

    public static void main(String[] args) throws Exception {
        SeedCorpus c = new SeedCorpus(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
        c.records();
        c.alerts();
        c.engines();
        c.conversations();
    }

    /** Injections at every point of both sides: the messages the strictness table uses, as starting points. */
    private void conversations() throws IOException {
        byte[] helloRequest = {0, 0, 0, 0};
        byte[] serverHelloDone = {14, 0, 0, 0};
        byte[] clientHello = Wiretap.messages(Wiretap.records(ServerEngineFuzzTest.clientHello(
                ProtocolVersion.TLS_1_2)).get(0).fragment()).get(0);
        for (int victim = 0; victim < 2; victim++) {
            for (int version = 0; version < 2; version++) {
                int records = victim == 1 ? ConversationFuzzTest.SERVER_RECORDS : ConversationFuzzTest.CLIENT_RECORDS;
                for (int at = 0; at <= records; at++) {
                    String name = (victim == 1 ? "server" : "client") + "-" + (version == 1 ? "tls12" : "ssl3") + "-"
                            + at;
                    int selector = victim | version << 1;
                    write("ConversationFuzzTest", "injectedRecord", name + "-hello-request",
                            concat(new byte[] {(byte) selector, (byte) at, 2}, helloRequest));
                    write("ConversationFuzzTest", "injectedRecord", name + "-server-hello-done",
                            concat(new byte[] {(byte) selector, (byte) at, 2}, serverHelloDone));
                    write("ConversationFuzzTest", "injectedRecord", name + "-client-hello",
                            concat(new byte[] {(byte) selector, (byte) at, 2}, clientHello));
                    write("ConversationFuzzTest", "injectedRecord", name + "-ccs",
                            new byte[] {(byte) selector, (byte) at, 0, 1});
                    write("ConversationFuzzTest", "injectedRecord", name + "-data",
                            new byte[] {(byte) selector, (byte) at, 3, 'G', 'E', 'T'});
                    write("ConversationFuzzTest", "injectedRecord", name + "-warning",
                            new byte[] {(byte) selector, (byte) at, 1, 1, 90});
                }
            }
        }
    }

    private void records() throws IOException, SslAlertException {
        Loopback l = Loopback.handshake(Engines.client(1, ProtocolVersion.TLS_1_2).build(),
                Engines.server(2, Engines.ALL_VERSIONS).build());
        byte[] hello = l.clientSent.get(0);
        for (int mode = 0; mode < 2; mode++) {
            write("RecordFuzzTest", "plaintextRecords", "client-hello-" + mode, prefixed(mode, hello));
        }
        write("RecordFuzzTest", "plaintextRecords", "server-flight-tls12", prefixed(7, l.serverSent.get(0)));
        write("RecordFuzzTest", "plaintextRecords", "alert-ccs-data",
                prefixed(3, concat(record(21, 0x0302, 2, 40), record(20, 0x0302, 1), record(23, 0x0302, 'x'))));
        for (int i = 0; i < RecordFuzzTest.PROTECTIONS.size(); i++) {
            RecordFuzzTest.Protection p = RecordFuzzTest.PROTECTIONS.get(i);
            RecordLayer w = RecordFuzzTest.writer(p);
            ByteBuffer out = ByteBuffer.allocate(1 << 16);
            w.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {20, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12}), out);
            w.write(ContentType.ALERT, ByteBuffer.wrap(new byte[] {1, 0}), out);
            w.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes()), out);
            out.flip();
            byte[] wire = new byte[out.remaining()];
            out.get(wire);
            String name = (p.version().standardName() + "-" + p.cipher() + "-" + p.mac()).toLowerCase(Locale.ROOT);
            write("RecordFuzzTest", "protectedRecords", name, prefixed(i, wire));
        }
    }

    private void alerts() throws IOException {
        write("AlertFuzzTest", "alerts", "close-notify", new byte[] {4, 2, 1, 0});
        write("AlertFuzzTest", "alerts", "fatal-handshake-failure", new byte[] {1, 2, 2, 40});
        write("AlertFuzzTest", "alerts", "no-certificate-ssl3", new byte[] {1, 2, 1, 41});
        write("AlertFuzzTest", "alerts", "warning-flood", new byte[] {3, 2, 1, 90, 2, 1, 90, 2, 1, 90, 2, 1, 90, 2,
            1, 90, 2, 1, 90, 2, 1, 90});
        write("AlertFuzzTest", "alerts", "wrong-lengths", new byte[] {0, 1, 1, 3, 1, 0, 0, 0, 2, 3, 0});
    }

    private void engines() throws IOException {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            String name = v.standardName().toLowerCase(Locale.ROOT);
            Loopback l = Loopback.handshake(Engines.client(1, v).build(),
                    Engines.server(2, Engines.ALL_VERSIONS).build());
            check(l);
            byte[] all = Loopback.concat(l.clientSent);
            write("ServerEngineFuzzTest", "firstFlight", name, all);
            byte[] afterHello = Loopback.concat(l.clientSent.subList(1, l.clientSent.size()));
            write("ServerEngineFuzzTest", "afterClientHello", name, prefixed(v.ordinal(), afterHello));

            Loopback s = Loopback.handshake(Engines.lenientClient(1, Engines.ALL_VERSIONS).build(),
                    Engines.server(2, v).build());
            check(s);
            write("ClientEngineFuzzTest", "serverFlight", name, Loopback.concat(s.serverSent));
        }
        for (ProtocolVersion v : List.of(ProtocolVersion.SSL_3_0, ProtocolVersion.TLS_1_2)) {
            String name = v.standardName().toLowerCase(Locale.ROOT);
            Loopback dhe = Loopback.handshake(Engines.lenientClient(1, Engines.ALL_VERSIONS).build(),
                    Engines.server(2, v).cipherSuites("SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA").build());
            check(dhe);
            write("ClientEngineFuzzTest", "serverFlight", name + "-dhe-dss", Loopback.concat(dhe.serverSent));
            SslConfig wantCert = Engines.server(2, v).clientAuth(ClientAuth.WANT).build();
            Loopback auth = Loopback.handshake(Engines.lenientClient(1, Engines.ALL_VERSIONS).build(), wantCert);
            check(auth);
            write("ClientEngineFuzzTest", "serverFlight", name + "-certificate-request",
                    Loopback.concat(auth.serverSent));
        }
    }

    private static void check(Loopback l) {
        if (!l.complete()) {
            throw new IllegalStateException("seed handshake failed: " + l.clientFailure + " / " + l.serverFailure);
        }
    }

    private void write(String target, String method, String name, byte[] bytes) throws IOException {
        Path dir = root.resolve(target + "Inputs").resolve(method);
        Files.createDirectories(dir);
        Files.write(dir.resolve("seed-" + name), bytes);
    }

    static byte[] prefixed(int first, byte[] rest) {
        return concat(new byte[] {(byte) first}, rest);
    }

    static byte[] record(int type, int version, int... fragment) {
        byte[] r = new byte[5 + fragment.length];
        r[0] = (byte) type;
        r[1] = (byte) (version >>> 8);
        r[2] = (byte) version;
        r[3] = (byte) (fragment.length >>> 8);
        r[4] = (byte) fragment.length;
        for (int i = 0; i < fragment.length; i++) {
            r[5 + i] = (byte) fragment[i];
        }
        return r;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
