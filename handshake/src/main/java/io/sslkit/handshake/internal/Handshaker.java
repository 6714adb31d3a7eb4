package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.Digest;
import io.sslkit.handshake.SslConfig;
import io.sslkit.record.CipherState;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the client and server handshakes share: the transcript, the strict one-message-at-a-time dispatch, key
 * derivation and the Finished exchange. Each side is a state machine that names the one message (or the few
 * optional ones) it accepts next; anything else, a skipped message included, is unexpected_message.
 */
public abstract class Handshaker {
    protected final SslConfig config;
    protected final Events events;
    protected final Digests digests;
    protected final HandshakeOutput out;
    protected final SessionStore cache;
    /** The handshake this one renegotiates, or null for the first handshake of the connection. */
    protected final PriorHandshake prior;
    /** Every handshake message so far, in order; made with the first one. */
    private ByteArrayOutputStream transcript;

    protected ProtocolVersion version;
    protected CipherSuite suite;
    protected byte[] clientRandom;
    protected byte[] serverRandom;
    protected byte[] masterSecret;
    protected KeySchedule schedule;
    protected CipherState clientWrite;
    protected CipherState serverWrite;
    protected Session session;
    protected boolean resumed;
    /** RFC 7627 negotiated for this handshake. */
    protected boolean extendedMasterSecret;
    /** RFC 5746 agreed in this handshake: a later renegotiation may be secure. */
    protected boolean secureRenegotiation;
    private byte[] clientVerifyData;
    private byte[] serverVerifyData;
    protected List<X509Certificate> peerChain = List.of();
    protected List<X509Certificate> localChain = List.of();
    private boolean changeCipherSpecExpected;
    private boolean complete;

    Handshaker(SslConfig config, HandshakeOutput out, SessionStore cache, PriorHandshake prior) {
        this.config = config;
        this.prior = prior;
        this.events = new Events(config.listener(), config.isClient());
        this.digests = Digests.of(config.registry());
        this.out = out;
        this.cache = cache;
    }

    /** @param prior the handshake being renegotiated, or null for the connection's first */
    public static Handshaker client(SslConfig config, HandshakeOutput out, SessionStore cache, String host, int port,
                                    PriorHandshake prior) {
        return new ClientHandshaker(config, out, cache, host, port, prior);
    }

    /** @param prior the handshake being renegotiated, or null for the connection's first */
    public static Handshaker server(SslConfig config, HandshakeOutput out, SessionStore cache, PriorHandshake prior) {
        return new ServerHandshaker(config, out, cache, prior);
    }

    /** Whether RFC 5746 was agreed, so that this connection may renegotiate securely once this handshake is done. */
    public final boolean secureRenegotiation() {
        return secureRenegotiation;
    }

    /** Both verify_data of this (complete) handshake, for the next one to prove. */
    public final PriorHandshake finishedData() {
        return new PriorHandshake(clientVerifyData.clone(), serverVerifyData.clone());
    }

    /**
     * The renegotiation_info extension's data: renegotiated_connection&lt;0..255&gt;, empty for a first handshake, else
     * client_verify_data (+ server_verify_data when the server sends it).
     */
    final byte[] renegotiationInfo(boolean fromServer) {
        byte[] connection = prior == null ? new byte[0]
                : fromServer ? Bytes.concat(prior.clientVerifyData(), prior.serverVerifyData())
                : prior.clientVerifyData();
        return new HandshakeWriter().vector8(connection).toByteArray();
    }

    /** Starts the handshake: the client sends its ClientHello, the server waits for one. */
    public abstract void start() throws SslAlertException;

    /** Handles one complete handshake message from the peer. */
    public final void receive(HandshakeMessage m) throws SslAlertException {
        events.message(false, m.type(), m.body().length);
        if (m.type() == HandshakeType.HELLO_REQUEST) {
            // not part of the transcript (RFC 6101 §5.6.1.1)
            onHelloRequest(m);
            return;
        }
        if (changeCipherSpecExpected) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    m.type() + " where ChangeCipherSpec was due");
        }
        if (complete) {
            onMessageAfterHandshake(m);
            return;
        }
        byte[] before = transcript();
        append(m);
        handle(m, before);
    }

    /** Handles a ChangeCipherSpec; the engine has already checked its encoding. */
    public final void receiveChangeCipherSpec() throws SslAlertException {
        if (!changeCipherSpecExpected) {
            throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec out of order");
        }
        changeCipherSpecExpected = false;
        onChangeCipherSpec();
    }

    /** A warning alert other than close_notify arrived. */
    public void receiveWarning(AlertDescription description) throws SslAlertException {
        if (description == AlertDescription.NO_RENEGOTIATION && prior != null && !complete) {
            // the peer declined the renegotiation we asked for: the connection goes on, this handshake cannot
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "the peer refused to renegotiate");
        }
        events.debug("warning {} ignored", description);
    }

    public final boolean isComplete() {
        return complete;
    }

    /** The negotiated version once ServerHello is sent or received, else null. */
    public final ProtocolVersion version() {
        return version;
    }

    public final Session session() {
        return session;
    }

    public final boolean resumed() {
        return resumed;
    }

    abstract void handle(HandshakeMessage m, byte[] transcriptBefore) throws SslAlertException;

    abstract void onChangeCipherSpec() throws SslAlertException;

    abstract void onHelloRequest(HandshakeMessage m) throws SslAlertException;

    /** Renegotiation is not offered: TLS says so with a no_renegotiation warning, SSL 3.0 has no such alert. */
    void onMessageAfterHandshake(HandshakeMessage m) throws SslAlertException {
        throw unexpected(m, "no handshake message (renegotiation is not supported)");
    }

    final SslAlertException unexpected(HandshakeMessage m, String expected) {
        return new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, m.type() + " where " + expected
                + " was due");
    }

    final void send(HandshakeType type, byte[] body) {
        HandshakeMessage m = HandshakeMessage.of(type, body);
        append(m);
        events.message(true, type, body.length);
        out.message(m);
    }

    private void append(HandshakeMessage m) {
        if (transcript == null) {
            transcript = new ByteArrayOutputStream(1024);
        }
        transcript.write(m.encoded(), 0, m.encoded().length);
    }

    final byte[] transcript() {
        return transcript == null ? new byte[0] : transcript.toByteArray();
    }

    final void expectChangeCipherSpec() {
        changeCipherSpecExpected = true;
        out.expectChangeCipherSpec(config.isClient() ? serverWrite : clientWrite);
    }

    /**
     * What an established connection keeps of this completed handshake: a handshaker of the same side that knows
     * only the outcome (version, suite, session, RFC 5746 agreement, both verify_data) and so answers late messages
     * as this one would (no_renegotiation, unexpected_message), which depends on nothing else. The rest of this one
     * (transcript, key schedule, cipher states, the key exchange and its context, in which an RSA server keeps a copy
     * of its private key and a client the pre_master_secret) is left to the garbage collector: 4 KiB an idle pair.
     */
    final Handshaker successor() {
        if (!complete) {
            throw new IllegalStateException("the handshake is still in progress");
        }
        Handshaker h = config.isClient() ? new ClientHandshaker(config, out, cache, null, -1, prior)
                : new ServerHandshaker(config, out, cache, prior);
        h.version = version;
        h.suite = suite;
        h.session = session;
        h.resumed = resumed;
        h.extendedMasterSecret = extendedMasterSecret;
        h.secureRenegotiation = secureRenegotiation;
        h.clientVerifyData = clientVerifyData;
        h.serverVerifyData = serverVerifyData;
        h.peerChain = peerChain;
        h.localChain = localChain;
        h.complete = true;
        if (masterSecret != null) {
            // the session holds its own copy; this one need not wait for the collector
            java.util.Arrays.fill(masterSecret, (byte) 0);
        }
        return h;
    }

    final void markComplete(Session s) {
        this.session = s;
        this.complete = true;
        events.step(HandshakeStep.COMPLETE, version + " " + suite.name() + (resumed ? ", resumed" : ", new")
                + " session " + Hex.of(s.id()) + "; application data flows under the session keys");
    }

    final void chooseSchedule() {
        schedule = KeySchedule.of(version, suite, digests);
    }

    /**
     * key_block = client MAC secret, server MAC secret, client key, server key, client IV, server IV; when the key
     * exchange delivered the bulk keys itself (Fortezza), only the MAC secrets come from the key_block.
     */
    final void deriveKeys(BulkKeys delivered) throws SslAlertException {
        BulkCipher cipher = config.registry().bulkCipher(suite.cipher()).orElseThrow(() -> missing(suite.cipher()));
        Digest mac = config.registry().digest(suite.mac()).orElseThrow(() -> missing(suite.mac()));
        boolean export = cipher.exportable();
        boolean block = cipher.type() == BulkCipher.Type.BLOCK;
        // TLS 1.1 on sends an explicit IV in each CBC record; export ciphers compute theirs separately
        int ivLength = block && !export && !version.atLeast(ProtocolVersion.TLS_1_1) && delivered == null
                ? cipher.ivLength() : 0;
        int keyLength = delivered == null ? cipher.keyMaterialLength() : 0;
        byte[] kb = schedule.keyBlock(masterSecret, clientRandom, serverRandom,
                2 * mac.length() + 2 * keyLength + 2 * ivLength);
        int p = 0;
        byte[] clientMac = Bytes.slice(kb, p, mac.length());
        p += mac.length();
        byte[] serverMac = Bytes.slice(kb, p, mac.length());
        p += mac.length();
        byte[] clientKey = Bytes.slice(kb, p, keyLength);
        p += keyLength;
        byte[] serverKey = Bytes.slice(kb, p, keyLength);
        p += keyLength;
        byte[] clientIv = ivLength > 0 ? Bytes.slice(kb, p, ivLength) : null;
        p += ivLength;
        byte[] serverIv = ivLength > 0 ? Bytes.slice(kb, p, ivLength) : null;
        if (delivered != null) {
            clientKey = delivered.clientWriteKey();
            serverKey = delivered.serverWriteKey();
            clientIv = delivered.clientWriteIv();
            serverIv = delivered.serverWriteIv();
        } else if (export) {
            clientKey = schedule.exportKey(clientKey, clientRandom, serverRandom, true, cipher.keyLength());
            serverKey = schedule.exportKey(serverKey, clientRandom, serverRandom, false, cipher.keyLength());
            if (block) {
                clientIv = schedule.exportIv(clientRandom, serverRandom, true, cipher.ivLength());
                serverIv = schedule.exportIv(clientRandom, serverRandom, false, cipher.ivLength());
            }
        }
        boolean client = config.isClient();
        try {
            clientWrite = CipherState.create(version, cipher, mac, clientMac, clientKey, clientIv, client);
            serverWrite = CipherState.create(version, cipher, mac, serverMac, serverKey, serverIv, !client);
        } catch (IllegalArgumentException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "cannot key " + suite + ": " + e.getMessage(),
                    e);
        }
        events.step(HandshakeStep.SESSION_KEYS, "keys derived from the master secret: " + cipher.name() + " ("
                + cipher.keyLength() + "-byte keys" + (export ? " expanded from " + keyLength + " export bytes" : "")
                + (delivered != null ? " delivered by the key exchange" : "")
                + (ivLength > 0 || (export && block) ? ", " + cipher.ivLength() + "-byte IVs" : "") + "), MAC "
                + mac.name() + " (" + mac.length() + "-byte secrets), "
                + (version.isSsl3() ? "SSL 3.0 MD5/SHA construction" : "TLS PRF"));
    }

    private SslAlertException missing(String part) {
        return new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "module for " + part + " is gone");
    }

    /** Sends ChangeCipherSpec and our Finished over the transcript so far. */
    final void sendChangeCipherSpecAndFinished() throws SslAlertException {
        boolean client = config.isClient();
        out.changeCipherSpec(client ? clientWrite : serverWrite);
        byte[] verifyData = schedule.finished(masterSecret, transcript(), client);
        if (client) {
            clientVerifyData = verifyData;
        } else {
            serverVerifyData = verifyData;
        }
        send(HandshakeType.FINISHED, verifyData);
        events.step(client ? HandshakeStep.CLIENT_FINISHED : HandshakeStep.SERVER_FINISHED,
                (client ? "client" : "server") + " sent ChangeCipherSpec and Finished (" + verifyData.length
                        + "-byte verify_data)");
    }

    /** Checks the peer's Finished against the transcript before it, in constant time. */
    final void verifyFinished(HandshakeMessage m, byte[] transcriptBefore) throws SslAlertException {
        boolean fromClient = !config.isClient();
        byte[] expected = schedule.finished(masterSecret, transcriptBefore, fromClient);
        if (m.body().length != expected.length) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR,
                    "Finished.verify_data of " + m.body().length + " bytes, expected " + expected.length);
        }
        if (out.fuzzerMode()) {
            // test-only (Connection.enableFuzzerMode): not compared; what the peer sent is what a renegotiation must
            // prove, so that a fuzzer's renegotiation_info can match it
            expected = m.body().clone();
        } else if (!MessageDigest.isEqual(expected, m.body())) {
            // RFC 5246 §7.4.9: decrypt_error; the alert layer maps it for SSL 3.0
            throw new SslAlertException(AlertDescription.DECRYPT_ERROR, "Finished.verify_data does not match");
        }
        if (fromClient) {
            clientVerifyData = expected;
        } else {
            serverVerifyData = expected;
        }
        events.step(fromClient ? HandshakeStep.CLIENT_FINISHED : HandshakeStep.SERVER_FINISHED,
                (fromClient ? "client" : "server") + " ChangeCipherSpec received and Finished verified");
    }

    /**
     * master_secret from the pre_master_secret, in the extended form (RFC 7627) when negotiated, over the transcript
     * as it stands (which must end with the ClientKeyExchange); wipes the input and says how, for the listener.
     */
    final String deriveMasterSecret(byte[] preMasterSecret) throws SslAlertException {
        masterSecret = extendedMasterSecret ? schedule.extendedMasterSecret(preMasterSecret, transcript())
                : schedule.masterSecret(preMasterSecret, clientRandom, serverRandom);
        java.util.Arrays.fill(preMasterSecret, (byte) 0);
        return extendedMasterSecret
                ? "from the pre_master_secret and the session hash (extended master secret, RFC 7627)"
                : "from the pre_master_secret and both randoms";
    }

    final void masterSecretDerived(String how) {
        events.step(HandshakeStep.MASTER_SECRET, "master secret (48 bytes) derived " + how + " with the "
                + (version.isSsl3() ? "SSL 3.0 'A', 'BB', 'CCC' construction" : version + " PRF"));
    }

    /** The extended_master_secret extension must be empty (RFC 7627 §5.1). */
    static boolean emsOffered(List<Extension> extensions) throws SslAlertException {
        Extension e = Extension.find(extensions, Extension.EXTENDED_MASTER_SECRET);
        if (e != null && e.data().length != 0) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR, "extended_master_secret must be empty");
        }
        return e != null;
    }

    final Session newSession(byte[] id) {
        // stamped by the cache's clock, which is the one that expires it (a cache may serve several configurations)
        return new Session(id, version, suite, masterSecret, peerChain, localChain, cache.now(),
                extendedMasterSecret);
    }

    static String versionName(int wire) {
        // orElseGet: String.format on every ClientHello measured 5 % of a resumed handshake
        return ProtocolVersion.fromWire(wire >>> 8, wire & 0xFF).map(ProtocolVersion::toString)
                .orElseGet(() -> String.format("0x%04X", wire));
    }
}
