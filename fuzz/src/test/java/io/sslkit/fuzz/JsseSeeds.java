package io.sslkit.fuzz;

import static io.sslkit.fuzz.JsseDriver.CLIENT_AUTH;
import static io.sslkit.fuzz.JsseDriver.OP_PEER;
import static io.sslkit.fuzz.JsseDriver.OP_RAW;
import static io.sslkit.fuzz.JsseDriver.OP_UNWRAP;
import static io.sslkit.fuzz.JsseDriver.OP_VICTIM;
import static io.sslkit.fuzz.JsseDriver.OP_WRAP;
import static io.sslkit.fuzz.JsseDriver.PEER_CLOSE;
import static io.sslkit.fuzz.JsseDriver.PEER_MODE;
import static io.sslkit.fuzz.JsseDriver.PEER_RENEGOTIATE;
import static io.sslkit.fuzz.JsseDriver.PEER_SEND;
import static io.sslkit.fuzz.JsseDriver.SHAPE_DIRECT;
import static io.sslkit.fuzz.JsseDriver.SHAPE_DIRECT_SOURCE;
import static io.sslkit.fuzz.JsseDriver.SHAPE_GUARDED;
import static io.sslkit.fuzz.JsseDriver.SHAPE_PREFIXED;
import static io.sslkit.fuzz.JsseDriver.SHAPE_READ_ONLY_SOURCE;
import static io.sslkit.fuzz.JsseDriver.SHAPE_SOURCE_PREFIXED;
import static io.sslkit.fuzz.JsseDriver.SNI;
import static io.sslkit.fuzz.JsseDriver.VICTIM_BEGIN_HANDSHAKE;

import io.sslkit.handshake.testing.DeterministicRandom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The seeds of {@link JsseEngineFuzzTest}, in {@link JsseDriver}'s input format. Two kinds per target:
 * <ul>
 * <li>{@code fed-*}: a real peer's whole side of a handshake, recorded once, handed to the victim as raw input
 * (from a 1-byte source to whole records, read-only, direct, scattered) while the victim wraps its answer into
 * destinations of 1, 100, 1000 bytes and a packet: the server victim gets a client's records (sslkit's own client
 * for SSL 3.0, TLS 1.0, 1.1 and 1.2, and SunJSSE's, the JDK's engine, for TLS 1.2), the client victim a server's
 * flights likewise (RSA key exchange only: a ServerKeyExchange signature covers the client's random). The victim's
 * random differs from the recording's, so each ends at the peer's Finished at the latest; on the way the server
 * answers with its flight, the client with its second flight;</li>
 * <li>{@code peer-*}: the victim and a live sslkit peer through a handshake, application data both ways in
 * destinations and sources of every shape (scattered, gathered, read-only, direct), a renegotiation where named,
 * and close_notify.</li>
 * </ul>
 * The seeds carry wire bytes made with the victims' clocks, so a regenerated seed differs in those bytes but not in
 * how far it gets ({@code JsseEngineFuzzTest.seedsGetAsFarAsIntended}). Regenerate after a change of the input format
 * (from fuzz/): {@code mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:$(cat target/cp.txt) io.sslkit.fuzz.JsseSeeds
 * src/test/resources}.
 */
public final class JsseSeeds {
    static final int PEER_RECORD = 16_384;
    static final int DATA = 1000;

    private JsseSeeds() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
    }

    static void write(Path resources) throws IOException {
        Path dir = resources.resolve("io/sslkit/fuzz/JsseEngineFuzzTestInputs");
        for (Map.Entry<String, Map<String, byte[]>> method : generate().entrySet()) {
            Files.createDirectories(dir.resolve(method.getKey()));
            for (Map.Entry<String, byte[]> seed : method.getValue().entrySet()) {
                Files.write(dir.resolve(method.getKey()).resolve("seed-" + seed.getKey()), seed.getValue());
            }
        }
    }

    /** Seed name to bytes per target method ("server", "client"), in a fixed order. */
    static Map<String, Map<String, byte[]>> generate() {
        Map<String, byte[]> server = new LinkedHashMap<>();
        server.put("fed-ssl3-rc4-md5", fedServer(0, peerWire(true, flags(0, 0, 0))));
        server.put("fed-tls10-dhe-dss", fedServer(0, peerWire(true, flags(1, 3, 0))));
        server.put("fed-tls11-3des-client-certificate",
                fedServer(CLIENT_AUTH, peerWire(true, flags(2, 2, CLIENT_AUTH))));
        server.put("fed-tls12-aes-sni", fedServer(SNI, peerWire(true, flags(3, 0, SNI))));
        server.put("fed-tls12-sunjsse", fedServer(0, sunJsseClientSide()));
        server.put("peer-ssl3-rc4-md5", peerPlan(true, flags(0, 0, 0), Renegotiation.NONE));
        server.put("peer-tls10-dhe-dss-renegotiation", peerPlan(true, flags(1, 3, 0), Renegotiation.BY_PEER));
        server.put("peer-tls11-rc4-sha-client-auth", peerPlan(true, flags(2, 1, CLIENT_AUTH), Renegotiation.NONE));
        server.put("peer-tls12-aes-sni-renegotiation", peerPlan(true, flags(3, 0, SNI), Renegotiation.BY_VICTIM));
        Map<String, byte[]> client = new LinkedHashMap<>();
        client.put("fed-ssl3-rc4-md5", fedClient(0, peerWire(false, flags(0, 0, 0))));
        // no DHE here: the ServerKeyExchange signature covers the client's random, which the victim draws anew
        client.put("fed-tls10-rc4-sha", fedClient(0, peerWire(false, flags(1, 1, 0))));
        client.put("fed-tls11-3des-certificate-request", fedClient(0, peerWire(false, flags(2, 2, CLIENT_AUTH))));
        client.put("fed-tls12-aes", fedClient(0, peerWire(false, flags(3, 0, 0))));
        client.put("fed-tls12-sunjsse", fedClient(0, sunJsseServerSide()));
        client.put("peer-ssl3-3des", peerPlan(false, flags(0, 2, 0), Renegotiation.NONE));
        client.put("peer-tls10-aes-renegotiation", peerPlan(false, flags(1, 0, 0), Renegotiation.BY_PEER));
        client.put("peer-tls11-dhe-dss-client-auth", peerPlan(false, flags(2, 3, CLIENT_AUTH), Renegotiation.NONE));
        client.put("peer-tls12-aes-sni-renegotiation", peerPlan(false, flags(3, 0, SNI), Renegotiation.BY_VICTIM));
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        all.put("server", server);
        all.put("client", client);
        return all;
    }

    /** Peer mode with the peer's version (index into {@link JsseEngines#VERSIONS}) and suite index. */
    static int flags(int version, int suite, int more) {
        return PEER_MODE | version << 1 | suite << 3 | more;
    }

    enum Renegotiation { NONE, BY_PEER, BY_VICTIM }

    /** What sslkit's own peer sends the victim in a whole conversation that the driver settles by itself. */
    static byte[] peerWire(boolean serverVictim, int flags) {
        return JsseDriver.runUnbounded(serverVictim, new Plan(flags).bytes()).peerWire;
    }

    /** A server victim fed a client's records. */
    static byte[] fedServer(int flags, byte[] wire) {
        Plan p = new Plan(flags).raw(wire);
        p.unwrap(1, 0, 16_384);
        p.unwrap(5, SHAPE_SOURCE_PREFIXED, 16_384);
        p.unwrap(33_000, SHAPE_DIRECT | SHAPE_PREFIXED, 0, 100);
        answer(p);
        p.unwrap(0, SHAPE_GUARDED | SHAPE_READ_ONLY_SOURCE, 16_384);
        p.unwrap(0, SHAPE_DIRECT_SOURCE, 16_384);
        p.unwrap(0, SHAPE_DIRECT, 5, 16, 16_384);
        p.unwrap(0, 0, 16_384);
        p.unwrap(0, 0, 16_384);
        alertAndClosed(p);
        return p.bytes();
    }

    /** A client victim (its ClientHello sent) fed a server's records. */
    static byte[] fedClient(int flags, byte[] wire) {
        Plan p = new Plan(flags).raw(wire);
        p.unwrap(16, 0, 16_384);
        p.unwrap(33_000, SHAPE_DIRECT | SHAPE_PREFIXED | SHAPE_SOURCE_PREFIXED, 0, 5, 16_384);
        p.unwrap(0, SHAPE_GUARDED | SHAPE_READ_ONLY_SOURCE, 16_384);
        p.unwrap(0, SHAPE_DIRECT_SOURCE, 16_384);
        p.unwrap(0, 0, 16_384);
        answer(p);
        p.unwrap(0, 0, 1000);
        p.unwrap(0, 0, 16_384);
        alertAndClosed(p);
        return p.bytes();
    }

    /** The victim's flight into 1 byte (refused whole), 100 and 1000 bytes (cut: staged), then a packet's room. */
    private static void answer(Plan p) {
        p.wrap(0, 0, 1);
        p.wrap(0, 0, 100);
        p.wrap(0, SHAPE_DIRECT, 1000);
        p.wrap(0, SHAPE_PREFIXED, 18_437);
    }

    private static void alertAndClosed(Plan p) {
        p.wrap(0, 0, 5);
        p.wrap(0, 0, 18_437);
        p.wrap(0, 0, 18_437);
    }

    /** Victim and live peer: handshake, data both ways in every buffer shape, a renegotiation if asked, close. */
    static byte[] peerPlan(boolean serverVictim, int flags, Renegotiation renegotiation) {
        Plan p = new Plan(flags);
        handshake(p, serverVictim);
        data(p, 1);
        if (renegotiation == Renegotiation.BY_PEER) {
            p.peer(PEER_RENEGOTIATE);
        } else if (renegotiation == Renegotiation.BY_VICTIM) {
            p.victim(VICTIM_BEGIN_HANDSHAKE);
            p.wrap(0, 0, 18_437);
        }
        if (renegotiation != Renegotiation.NONE) {
            handshake(p, serverVictim);
            data(p, 2);
        }
        p.peerSend(100, 3);
        p.unwrap(33_000, 0, 0, 16_384);
        p.peer(PEER_CLOSE);
        p.unwrap(33_000, 0, 16_384);
        p.wrap(0, 0, 18_437);
        return p.bytes();
    }

    /**
     * A (re)handshake with the peer: each unwrap takes one record of what the peer sent, each wrap hands out what
     * fits; unwraps with nothing to read are harmless (BUFFER_UNDERFLOW).
     */
    private static void handshake(Plan p, boolean serverVictim) {
        if (!serverVictim) {
            // the client's hello (a renegotiating one) goes first; the first one went out before the input started
            p.wrap(0, 0, 18_437);
        }
        p.unwrap(33_000, 0, 16_384);
        p.unwrap(33_000, SHAPE_GUARDED, 0, 16_384);
        p.unwrap(33_000, SHAPE_READ_ONLY_SOURCE, 16_384);
        p.wrap(0, 0, 100);
        p.wrap(0, SHAPE_DIRECT | SHAPE_PREFIXED, 18_437);
        for (int i = 0; i < 5; i++) {
            p.unwrap(33_000, i % 2 == 0 ? SHAPE_DIRECT_SOURCE : SHAPE_SOURCE_PREFIXED, 16_384);
        }
        p.wrap(0, 0, 18_437);
        p.unwrap(33_000, 0, 16_384);
        p.unwrap(33_000, 0, 16_384);
    }

    /** Application data both ways: scattered over small buffers, gathered from several, refused when too big. */
    private static void data(Plan p, int seed) {
        // CBC in SSL 3.0 and TLS 1.0 splits application data 1/n-1: two records each, so two unwraps
        p.peerSend(DATA, seed);
        for (int i = 0; i < 2; i++) {
            p.unwrap(33_000, SHAPE_GUARDED | SHAPE_PREFIXED, 0, 100, 1000, 16_384);
        }
        p.peerSend(PEER_RECORD, seed + 10);
        for (int i = 0; i < 2; i++) {
            p.unwrap(33_000, SHAPE_DIRECT | SHAPE_READ_ONLY_SOURCE, 4096, 8192, 8192);
        }
        p.wrap(PEER_RECORD, seed + 20, 2 | SHAPE_READ_ONLY_SOURCE | SHAPE_GUARDED, 18_437);
        p.wrap(DATA, seed + 30, 0, 1000);
        p.wrap(0, 3 | SHAPE_DIRECT_SOURCE | SHAPE_PREFIXED, 18_442);
    }

    // ---- SunJSSE, a peer nobody here wrote ------------------------------------------------------------------

    private static SSLContext sunJsse() {
        try {
            SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
            c.init(new KeyManager[] {new JsseEngines.FixedKeys()}, new TrustManager[] {new JsseEngines.TrustAll()},
                    new DeterministicRandom(3));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything SunJSSE's TLS 1.2 client sends in a handshake with an SSLKIT server. */
    static byte[] sunJsseClientSide() {
        SSLEngine client = sunJsse().createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {"TLSv1.2"});
        return converse(client, JsseEngines.server(0, false), true);
    }

    /** Everything SunJSSE's TLS 1.2 server sends in a handshake with an SSLKIT client. */
    static byte[] sunJsseServerSide() {
        SSLEngine server = sunJsse().createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        return converse(JsseEngines.client("localhost"), server, false);
    }

    /** Runs a handshake between two SSLEngines; returns what the client (or the server) sent. */
    private static byte[] converse(SSLEngine client, SSLEngine server, boolean recordClient) {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        try {
            client.beginHandshake();
            server.beginHandshake();
            for (int round = 0; round < 50; round++) {
                boolean c = move(client, toClient, toServer, recordClient ? recorded : null);
                boolean s = move(server, toServer, toClient, recordClient ? null : recorded);
                if (!c && !s) {
                    break;
                }
            }
        } catch (SSLException e) {
            throw new IllegalStateException("the seed handshake failed", e);
        }
        if (!client.getSession().isValid() || !server.getSession().isValid()) {
            throw new IllegalStateException("the seed handshake did not complete");
        }
        return recorded.toByteArray();
    }

    private static boolean move(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteArrayOutputStream record)
            throws SSLException {
        boolean progress = false;
        ByteBuffer net = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
        while (true) {
            net.clear();
            SSLEngineResult r = e.wrap(ByteBuffer.allocate(0), net);
            runTasks(e);
            if (r.bytesProduced() == 0) {
                break;
            }
            net.flip();
            if (record != null) {
                record.write(net.array(), 0, net.limit());
            }
            out.put(net);
            progress = true;
        }
        in.flip();
        try {
            ByteBuffer app = ByteBuffer.allocate(e.getSession().getApplicationBufferSize());
            while (in.hasRemaining()) {
                SSLEngineResult r = e.unwrap(in, app);
                runTasks(e);
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
                progress = true;
            }
        } finally {
            in.compact();
        }
        return progress;
    }

    private static void runTasks(SSLEngine e) {
        Runnable t;
        while ((t = e.getDelegatedTask()) != null) {
            t.run();
        }
    }

    // ---- the input format ---------------------------------------------------------------------------------------

    /** Writes operations in {@link JsseDriver}'s format. */
    static final class Plan {
        private final ShapedInput.Writer w = new ShapedInput.Writer();

        Plan(int flags) {
            w.choice(flags);
        }

        Plan raw(byte[] wire) {
            w.choice(OP_RAW).choice16(wire.length).payload(wire);
            return this;
        }

        /** Shows {@code chunk} more queued bytes, then unwraps into destinations of these sizes (1 to 4). */
        Plan unwrap(int chunk, int shape, int... sizes) {
            w.choice(OP_UNWRAP).size(chunk).choice(shape | (sizes.length - 1));
            for (int s : sizes) {
                w.size(s);
            }
            return this;
        }

        /** Adds {@code appLength} bytes (random, from {@code seed}) to what the application sends, then wraps. */
        Plan wrap(int appLength, int seed, int shape, int dstSize) {
            w.choice(OP_WRAP).size(appLength).payload(data(appLength, seed)).choice(shape).size(dstSize);
            return this;
        }

        Plan wrap(int appLength, int shape, int dstSize) {
            return wrap(appLength, 0, shape, dstSize);
        }

        Plan peerSend(int length, int seed) {
            w.choice(OP_PEER).choice(PEER_SEND).size(length).payload(data(length, seed));
            return this;
        }

        Plan peer(int what) {
            w.choice(OP_PEER).choice(what);
            return this;
        }

        Plan victim(int what) {
            w.choice(OP_VICTIM).choice(what);
            return this;
        }

        byte[] bytes() {
            return w.toByteArray();
        }

        private static byte[] data(int n, int seed) {
            byte[] b = new byte[n];
            new Random(seed).nextBytes(b);
            return b;
        }
    }
}
