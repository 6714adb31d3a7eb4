package io.sslkit.fuzz;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.handshake.SslEngine;
import io.sslkit.record.ContentType;
import io.sslkit.record.Record;
import io.sslkit.record.RecordLayer;
import io.sslkit.record.RecordLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A live client and server exchanging records one at a time, with one side, the victim, fed a foreign record at a
 * chosen point: just before the {@code at}-th record it would have received. Everything else is genuine, so every
 * message but the injected one is valid in its place. After the victim's read keys are active, the injected record
 * is encrypted and MACed under the peer's real keys (derived by a {@link Wiretap} holding the server key), so it
 * reaches the handshake rather than failing the MAC check.
 */
final class Conversation {
    /** The foreign content to inject: a content type and its plaintext. */
    record Injection(ContentType type, byte[] content) {
    }

    final SslEngine client;
    final SslEngine server;
    final boolean victimIsServer;
    final Wiretap tap = new Wiretap();
    private final byte[] resumedMaster;

    /** A record in flight, and whether its sender had already changed cipher spec when it sent it. */
    private record Queued(Wiretap.Rec rec, boolean isProtected) {
    }

    private final Deque<Queued> toClient = new ArrayDeque<>();
    private final Deque<Queued> toServer = new ArrayDeque<>();
    /** Every record the victim sent, in order. */
    private final Deque<Wiretap.Rec> victimSent = new ArrayDeque<>();
    /** Every record each side sent, in order. */
    private final List<Wiretap.Rec> clientSent = new ArrayList<>();
    private final List<Wiretap.Rec> serverSent = new ArrayList<>();
    private int deliveredToVictim;
    /** Whether the victim has received the peer's ChangeCipherSpec, so that it now reads protected records. */
    private boolean victimReadsProtected;
    /** The protected records the victim received: an injected record comes after them. */
    private final List<Wiretap.Rec> deliveredProtected = new ArrayList<>();
    private SslAlertException victimFailure;
    /** Whether the victim failed on the injected record itself rather than on a genuine one before or after it. */
    private boolean failedOnInjection;
    /** Genuine records of the peer that never reach the victim (a message the peer sent and an attacker dropped). */
    private Predicate<Wiretap.Rec> withheld = r -> false;

    /**
     * @param resumedMaster the master secret of the session an abbreviated handshake resumes (taken from the wire of
     *                      the handshake that made it), or null for a full handshake
     */
    Conversation(SslEngine client, SslEngine server, boolean victimIsServer, byte[] resumedMaster) {
        this.client = client;
        this.server = server;
        this.victimIsServer = victimIsServer;
        this.resumedMaster = resumedMaster;
    }

    /** Drops the peer's records that match {@code p} on their way to the victim; returns this conversation. */
    Conversation withhold(Predicate<Wiretap.Rec> p) {
        this.withheld = p;
        return this;
    }

    SslEngine victim() {
        return victimIsServer ? server : client;
    }

    /**
     * Runs the conversation, injecting before the victim's {@code at}-th record (0-based; a handshake flight counts
     * one record per message). Returns the victim's failure, or null when it did not fail.
     */
    SslAlertException run(int at, Injection injection) throws GeneralSecurityException {
        boolean injected = injection == null;
        Deque<Queued> victimQueue = victimIsServer ? toServer : toClient;
        Deque<Queued> peerQueue = victimIsServer ? toClient : toServer;
        for (int step = 0; step < 200; step++) {
            collect(true);
            collect(false);
            if (victimFailure != null) {
                return victimFailure;
            }
            boolean quiet = victimQueue.isEmpty() && peerQueue.isEmpty();
            if (!injected && deliveredToVictim == at && (!victimQueue.isEmpty() || quiet)) {
                injected = true;
                feed(victim(), forge(injection));
                failedOnInjection = victimFailure != null;
                collect(!victimIsServer);
                if (victimFailure != null) {
                    return victimFailure;
                }
                continue;
            }
            if (!victimQueue.isEmpty()) {
                Queued q = victimQueue.poll();
                feed(victim(), q.rec().encode());
                deliveredToVictim++;
                if (q.isProtected()) {
                    deliveredProtected.add(q.rec());
                } else if (q.rec().type() == Wiretap.CHANGE_CIPHER_SPEC) {
                    victimReadsProtected = true;
                }
            } else if (!peerQueue.isEmpty()) {
                feed(victimIsServer ? client : server, peerQueue.poll().rec().encode());
            } else {
                if (!injected) {
                    throw new AssertionError("the victim never reached its record " + at);
                }
                return victimFailure;
            }
        }
        throw new AssertionError("conversation did not settle");
    }

    /** The injected record: plaintext while the victim reads plaintext, else protected with the peer's keys. */
    private byte[] forge(Injection injection) throws GeneralSecurityException {
        boolean peerIsClient = victimIsServer;
        int version = tap.version != null ? tap.version.wireValue() : 0x0301;
        if (!victimReadsProtected) {
            return new Wiretap.Rec(injection.type().code(), version, injection.content()).encode();
        }
        Wiretap.Secrets s = tap.secrets(resumedMaster);
        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        reader.setVersion(tap.version);
        reader.setPendingRead(peerIsClient ? s.clientWrite(false) : s.serverWrite(false));
        RecordLayer writer = new RecordLayer(RecordLimits.DEFAULT);
        writer.setVersion(tap.version);
        writer.setPendingWrite(peerIsClient ? s.clientWrite(true) : s.serverWrite(true));
        writer.changeWriteCipherSpec();
        ByteBuffer out = ByteBuffer.allocate(RecordLimits.MAX_RECORD_SIZE * 2);
        try {
            reader.changeReadCipherSpec();
            // The peer's genuine protected records, written again: ours then takes the next sequence number, and
            // the cipher is where the peer's is: the same point of a stream cipher's key stream, and under CBC with
            // an implicit IV (SSL 3.0, TLS 1.0) the genuine last ciphertext block, since writing the same plaintext
            // with the same keys and the same (minimal) padding gives the same ciphertext.
            for (Wiretap.Rec genuine : deliveredProtected) {
                Record plain = reader.read(ByteBuffer.wrap(genuine.encode()));
                writer.write(plain.type(), plain.fragment(), out);
                out.clear();
            }
            writer.write(injection.type(), ByteBuffer.wrap(injection.content()), out);
        } catch (SslAlertException e) {
            throw new IllegalStateException(e);
        }
        out.flip();
        byte[] wire = new byte[out.remaining()];
        out.get(wire);
        return wire;
    }

    private void collect(boolean fromClient) {
        SslEngine e = fromClient ? client : server;
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
        try {
            while (true) {
                net.clear();
                if (e.wrap(ByteBuffer.allocate(0), net).bytesProduced() == 0) {
                    break;
                }
                sent.write(net.array(), 0, net.position());
            }
        } catch (SslAlertException ex) {
            failed(fromClient, ex);
        }
        boolean victimSpoke = fromClient != victimIsServer;
        for (Wiretap.Rec r : Wiretap.records(sent.toByteArray())) {
            if (victimSpoke) {
                victimSent.add(r);
            }
            (fromClient ? clientSent : serverSent).add(r);
            boolean isProtected = tap.protectedFrom(fromClient);
            for (Wiretap.Rec piece : tap.observe(fromClient, r)) {
                if (!victimSpoke && withheld.test(piece)) {
                    continue;
                }
                (fromClient ? toServer : toClient).add(new Queued(piece, isProtected));
            }
        }
    }

    private void feed(SslEngine e, byte[] wire) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        ByteBuffer app = ByteBuffer.allocate(e.applicationBufferSize());
        try {
            while (in.hasRemaining()) {
                app.clear();
                if (e.unwrap(in, app).status() != SslEngine.Status.OK) {
                    break;
                }
            }
        } catch (SslAlertException ex) {
            failed(e == client, ex);
        }
    }

    private void failed(boolean isClient, SslAlertException ex) {
        if (isClient != victimIsServer && victimFailure == null) {
            victimFailure = ex;
        }
    }

    /** True when the victim's failure came from the injected record (it refused it on arrival). */
    boolean failedOnInjection() {
        return failedOnInjection;
    }

    /**
     * The last alert the victim put on the wire, as {level, description}; decrypted with the victim's own keys when
     * it had already changed its write cipher spec.
     */
    int[] lastAlertSent() throws GeneralSecurityException, SslAlertException {
        List<Wiretap.Rec> sent = List.copyOf(victimSent);
        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        reader.setVersion(tap.version != null ? tap.version : io.sslkit.api.ProtocolVersion.TLS_1_0);
        boolean keyed = false;
        int[] last = null;
        for (Wiretap.Rec r : sent) {
            if (r.type() == Wiretap.CHANGE_CIPHER_SPEC && !keyed) {
                Wiretap.Secrets s = tap.secrets(resumedMaster);
                reader.setPendingRead(victimIsServer ? s.serverWrite(false) : s.clientWrite(false));
                reader.changeReadCipherSpec();
                keyed = true;
                continue;
            }
            if (!keyed) {
                if (r.type() == Wiretap.ALERT) {
                    last = new int[] {r.fragment()[0], r.fragment()[1] & 0xff};
                }
                continue;
            }
            if (tap.version == null) {
                throw new AssertionError("protected records before a version was negotiated");
            }
            Record plain = reader.read(ByteBuffer.wrap(r.encode()));
            if (plain.type() == ContentType.ALERT) {
                last = new int[] {plain.fragment().get(), plain.fragment().get() & 0xff};
            }
        }
        if (last == null) {
            throw new AssertionError("the victim sent no alert");
        }
        return last;
    }

    /** The wire bytes of the records one side sent after its ChangeCipherSpec, in order. */
    byte[] protectedRecords(boolean client) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        for (Wiretap.Rec r : client ? clientSent : serverSent) {
            if (changed) {
                out.writeBytes(r.encode());
            }
            changed |= r.type() == Wiretap.CHANGE_CIPHER_SPEC;
        }
        return out.toByteArray();
    }

    static int[] fatal(AlertDescription d) {
        return new int[] {2, d.code()};
    }
}
