package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.SignatureAlgorithm;
import io.sslkit.handshake.ClientAuth;
import io.sslkit.handshake.Negotiation;
import io.sslkit.handshake.SslConfig;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's state machine (RFC 6101 §5.5 / RFC 5246 §7.3):
 * ClientHello → ServerHello Certificate [ServerKeyExchange] [CertificateRequest] ServerHelloDone →
 * [Certificate | SSL 3.0 no_certificate alert] → ClientKeyExchange → [CertificateVerify] → ChangeCipherSpec →
 * Finished → ChangeCipherSpec Finished; or, resuming, ClientHello → ServerHello ChangeCipherSpec Finished →
 * ChangeCipherSpec → Finished.
 */
final class ServerHandshaker extends Handshaker {
    private enum State { CLIENT_HELLO, CLIENT_CERTIFICATE, CLIENT_KEY_EXCHANGE, CERTIFICATE_VERIFY, CHANGE_CIPHER_SPEC,
        FINISHED, COMPLETE }

    private State state = State.CLIENT_HELLO;
    private int clientVersion;
    private KeyExchange.Server exchange;
    private KeyExchange keyExchange;
    private ExchangeContext context;
    private boolean keysDelivered;
    private boolean certificateRequested;
    private int[] clientSignatureAlgorithms;
    private int[] requestedSignatureAlgorithms;
    private byte[] sessionId;
    /** The client's server_name host_name, or null. */
    private String serverName;

    ServerHandshaker(SslConfig config, HandshakeOutput out, SessionStore cache, PriorHandshake prior) {
        super(config, out, cache, prior);
    }

    @Override
    public void start() {
        // the client speaks first
    }

    @Override
    void handle(HandshakeMessage m, byte[] before) throws SslAlertException {
        switch (state) {
            case CLIENT_HELLO -> {
                if (m.type() != HandshakeType.CLIENT_HELLO) {
                    throw unexpected(m, "ClientHello");
                }
                onClientHello(ClientHello.decode(m.body()));
            }
            case CLIENT_CERTIFICATE -> {
                if (m.type() == HandshakeType.CLIENT_KEY_EXCHANGE && version.isSsl3()) {
                    // RFC 6101 §5.6.6: the no_certificate warning is only a "should"; §5.6.7: without a client
                    // Certificate, ClientKeyExchange is the first message after ServerHelloDone. So it says "no
                    // certificate" (TLS made the empty Certificate mandatory instead, RFC 5246 §7.4.6)
                    noClientCertificate("ClientKeyExchange without Certificate or no_certificate alert");
                    onClientKeyExchange(m.body());
                    return;
                }
                if (m.type() != HandshakeType.CERTIFICATE) {
                    throw unexpected(m, "client Certificate" + (version.isSsl3() ? " or no_certificate alert" : ""));
                }
                onClientCertificate(CertificateMessage.decode(m.body()));
            }
            case CLIENT_KEY_EXCHANGE -> {
                if (m.type() != HandshakeType.CLIENT_KEY_EXCHANGE) {
                    throw unexpected(m, "ClientKeyExchange");
                }
                onClientKeyExchange(m.body());
            }
            case CERTIFICATE_VERIFY -> {
                if (m.type() != HandshakeType.CERTIFICATE_VERIFY) {
                    throw unexpected(m, "CertificateVerify");
                }
                onCertificateVerify(m.body(), before);
            }
            case FINISHED -> {
                if (m.type() != HandshakeType.FINISHED) {
                    throw unexpected(m, "Finished");
                }
                verifyFinished(m, before);
                state = State.COMPLETE;
                if (resumed) {
                    markComplete(session());
                } else {
                    sendChangeCipherSpecAndFinished();
                    Session s = newSession(sessionId);
                    s.serverName(serverName);
                    // keys a key exchange delivered are not in the session: such a session cannot be resumed
                    if (!keysDelivered) {
                        cache.putById(s);
                    }
                    markComplete(s);
                }
            }
            case CHANGE_CIPHER_SPEC -> throw unexpected(m, "ChangeCipherSpec");
            default -> throw unexpected(m, "no handshake message");
        }
    }

    private void onClientHello(ClientHello hello) throws SslAlertException {
        clientVersion = hello.clientVersion();
        clientRandom = hello.random();
        events.step(HandshakeStep.CLIENT_HELLO, "client offers up to " + versionName(clientVersion) + ", random "
                + Hex.of(clientRandom) + ", " + hello.cipherSuites().length + " suites, "
                + hello.extensions().size() + " extensions"
                + (hello.sessionId().length > 0 ? ", asks to resume session " + Hex.of(hello.sessionId()) : ""));
        if ((clientVersion >>> 8) < 3) {
            throw new SslAlertException(AlertDescription.PROTOCOL_VERSION,
                    "client_version " + versionName(clientVersion) + " predates SSL 3.0");
        }
        version = Negotiator.chooseVersion(clientVersion, config.protocols());
        if (hello.offers(CipherSuites.TLS_FALLBACK_SCSV) && version != Negotiator.highest(config.protocols())) {
            // RFC 7507 §3: a client that retries lower while we could do better is being downgraded
            throw new SslAlertException(AlertDescription.INAPPROPRIATE_FALLBACK, "TLS_FALLBACK_SCSV with "
                    + versionName(clientVersion) + " while " + Negotiator.highest(config.protocols()) + " is enabled");
        }
        if (!hello.offersNullCompression()) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "ClientHello.compression_methods lacks the null method");
        }
        Extension ri = Extension.find(hello.extensions(), Extension.RENEGOTIATION_INFO);
        boolean scsv = hello.offers(CipherSuites.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        if (prior == null) {
            if (ri != null && !java.util.Arrays.equals(ri.data(), renegotiationInfo(false))) {
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                        "renegotiation_info not empty in an initial handshake");
            }
            secureRenegotiation = ri != null || scsv;
        } else {
            // RFC 5746 §3.7: a renegotiating client proves its last verify_data and sends no SCSV
            if (scsv || ri == null || !java.security.MessageDigest.isEqual(ri.data(), renegotiationInfo(false))) {
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                        "renegotiation without the right renegotiation_info");
            }
            secureRenegotiation = true;
        }
        if (version == ProtocolVersion.TLS_1_2) {
            clientSignatureAlgorithms = parseSignatureAlgorithms(hello);
        }
        serverRandom = ClientHandshaker.newRandom(config);
        extendedMasterSecret = !version.isSsl3() && emsOffered(hello.extensions());
        serverName = version.isSsl3() ? null : ServerNames.hostName(hello.extensions());
        Session cached = hello.sessionId().length > 0 ? cache.byId(hello.sessionId()) : null;
        if (cached != null && cached.extendedMasterSecret() && !extendedMasterSecret) {
            // RFC 7627 §5.3: a session with the extended master secret is never resumed without it
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "resumption of an extended-master-secret session without the extension");
        }
        if (cached != null && cached.extendedMasterSecret() == extendedMasterSecret && cached.version() == version
                && hello.offers(cached.suite().code()) && config.registry().isComplete(cached.suite())
                && config.policy().allows(cached.suite(), config.registry())) {
            resume(cached);
            return;
        }
        Negotiator.Choice choice = Negotiator.chooseSuite(config, hello, version, serverName);
        suite = choice.suite();
        chooseSchedule();
        sessionId = new byte[cache.capacity() > 0 ? 32 : 0];
        config.random().nextBytes(sessionId);
        sendServerHello();
        events.step(HandshakeStep.SERVER_HELLO, "chose " + version + " (highest in common) and " + suite.name()
                + ": " + choice.why() + "; random " + Hex.of(serverRandom) + ", new session " + Hex.of(sessionId));
        Events.negotiated(config.negotiationListener(), new Negotiation(false, version, suite, false, serverName));
        keyExchange = config.registry().keyExchange(suite.keyExchange()).orElseThrow(() -> new SslAlertException(
                AlertDescription.HANDSHAKE_FAILURE, "key exchange module " + suite.keyExchange() + " is gone"));
        localChain = choice.credential().chain();
        send(HandshakeType.CERTIFICATE, ClientHandshaker.encode(localChain));
        X509Certificate leaf = localChain.get(0);
        events.step(HandshakeStep.SERVER_AUTHENTICATION, "sent certificate subject \""
                + leaf.getSubjectX500Principal().getName() + "\", issuer \"" + leaf.getIssuerX500Principal().getName()
                + "\" (chain of " + localChain.size() + ")"
                + (serverName == null ? "" : " for server_name " + serverName));
        context = new ExchangeContext(version, clientVersion, clientRandom, serverRandom, config.random(), leaf,
                choice.credential().key(), digests, config.registry(), clientSignatureAlgorithms,
                config.policy().minimumDhBits(), suite.cipher(), out.fuzzerMode());
        exchange = keyExchange.newServer(context);
        byte[] serverKeyExchange = exchange.serverKeyExchange();
        if (serverKeyExchange != null) {
            send(HandshakeType.SERVER_KEY_EXCHANGE, serverKeyExchange);
            events.step(HandshakeStep.PRE_MASTER_SECRET, "sent ServerKeyExchange for " + keyExchange.name());
        }
        if (config.clientAuth() != ClientAuth.NONE) {
            sendCertificateRequest();
        } else {
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "not requested (client authentication is off)");
        }
        send(HandshakeType.SERVER_HELLO_DONE, new byte[0]);
        state = certificateRequested ? State.CLIENT_CERTIFICATE : State.CLIENT_KEY_EXCHANGE;
    }

    private void resume(Session cached) throws SslAlertException {
        resumed = true;
        session = cached;
        suite = cached.suite();
        sessionId = cached.id();
        chooseSchedule();
        sendServerHello();
        events.step(HandshakeStep.SERVER_HELLO, "chose " + version + " and " + suite.name()
                + " of the cached session; random " + Hex.of(serverRandom) + ", resuming session " + Hex.of(sessionId));
        Events.negotiated(config.negotiationListener(), new Negotiation(false, version, suite, true, serverName));
        masterSecret = cached.masterSecret();
        peerChain = cached.peerCertificates();
        localChain = cached.localCertificates();
        masterSecretDerived("taken from the resumed session");
        deriveKeys(null);
        sendChangeCipherSpecAndFinished();
        expectChangeCipherSpec();
        state = State.CHANGE_CIPHER_SPEC;
    }

    private void sendServerHello() {
        List<Extension> extensions = new ArrayList<>();
        if (secureRenegotiation && !version.isSsl3()) {
            extensions.add(new Extension(Extension.RENEGOTIATION_INFO, renegotiationInfo(true)));
        }
        if (extendedMasterSecret) {
            extensions.add(new Extension(Extension.EXTENDED_MASTER_SECRET, new byte[0]));
        }
        send(HandshakeType.SERVER_HELLO,
                new ServerHello(version.wireValue(), serverRandom, sessionId, suite.code(), 0, extensions).encode());
    }

    private static int[] parseSignatureAlgorithms(ClientHello hello) throws SslAlertException {
        Extension e = Extension.find(hello.extensions(), Extension.SIGNATURE_ALGORITHMS);
        if (e == null) {
            return null;
        }
        HandshakeReader r = new HandshakeReader(e.data(), "signature_algorithms");
        byte[] list = r.vector16(2, 0xFFFE, "supported_signature_algorithms");
        r.expectEnd();
        if (list.length % 2 != 0) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR, "signature_algorithms: odd length");
        }
        int[] out = new int[list.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((list[2 * i] & 0xFF) << 8) | (list[2 * i + 1] & 0xFF);
        }
        return out;
    }

    private void sendCertificateRequest() {
        HandshakeWriter types = new HandshakeWriter();
        if (fortezza()) {
            types.u8(CertificateRequest.FORTEZZA_KEA);
        }
        for (SignatureAlgorithm s : config.registry().signatures()) {
            if (s.keyAlgorithm().equals("RSA")) {
                types.u8(CertificateRequest.RSA_SIGN);
            } else if (s.keyAlgorithm().equals("DSA")) {
                types.u8(CertificateRequest.DSS_SIGN);
            }
        }
        List<byte[]> authorities = new ArrayList<>();
        for (javax.security.auth.x500.X500Principal name : config.certificateAuthorities()) {
            authorities.add(name.getEncoded());
        }
        if (version == ProtocolVersion.TLS_1_2) {
            requestedSignatureAlgorithms = Signatures.supported(config.registry());
        }
        byte[] typeBytes = types.toByteArray();
        send(HandshakeType.CERTIFICATE_REQUEST,
                new CertificateRequest(typeBytes, requestedSignatureAlgorithms, authorities).encode());
        certificateRequested = true;
        events.step(HandshakeStep.CLIENT_AUTHENTICATION, "asked the client for a certificate (" + config.clientAuth()
                + ", types " + java.util.Arrays.toString(typeBytes) + ", " + authorities.size() + " CA names)");
    }

    private void onClientCertificate(CertificateMessage msg) throws SslAlertException {
        if (msg.certificateList().isEmpty()) {
            noClientCertificate("empty Certificate");
            return;
        }
        peerChain = CertificateChecker.parse(msg.certificateList(), config.maxCertificateChainLength());
        Set<String> usable = new HashSet<>();
        config.registry().signatures().forEach(s -> usable.add(s.keyAlgorithm()));
        if (fortezza()) {
            usable.add(KeyAlgorithms.KEA);
        }
        CertificateChecker checker = new CertificateChecker(config.trustAnchors(), false, config.certificateCheck(),
                config.peerVerifier());
        try {
            CertificateChecker.Outcome outcome = checker.check(peerChain, usable, null,
                    new CertificateChecker.Negotiated(false, version, suite, serverName));
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client certificate " + outcome.detail());
        } catch (SslAlertException e) {
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client certificate refused: " + e.getMessage());
            throw e;
        }
        context.clientCredential(peerChain.get(0), null);
        state = State.CLIENT_KEY_EXCHANGE;
    }

    /** FORTEZZA_KEA: the client may authenticate with a KEA certificate, which cannot sign. */
    private boolean fortezza() {
        return KeyAlgorithms.KEA.equals(keyExchange.serverKeyAlgorithm());
    }

    private boolean clientCanSign() {
        String a = KeyAlgorithms.of(peerChain.get(0));
        return config.registry().signatures().stream().anyMatch(s -> s.keyAlgorithm().equals(a));
    }

    private void noClientCertificate(String how) throws SslAlertException {
        if (config.clientAuth() == ClientAuth.NEED) {
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client has no certificate (" + how
                    + "), but one is needed");
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "client authentication is required and the client sent no certificate");
        }
        events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client has no certificate (" + how
                + "); continuing without client authentication");
        state = State.CLIENT_KEY_EXCHANGE;
    }

    /** SSL 3.0's no_certificate warning stands in for the client's Certificate message, and only there. */
    @Override
    public void receiveWarning(AlertDescription description) throws SslAlertException {
        if (description == AlertDescription.NO_CERTIFICATE) {
            if (state != State.CLIENT_CERTIFICATE || !version.isSsl3()) {
                throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "no_certificate alert when no client Certificate was due");
            }
            noClientCertificate("no_certificate alert");
            return;
        }
        super.receiveWarning(description);
    }

    private void onClientKeyExchange(byte[] body) throws SslAlertException {
        byte[] preMaster = exchange.processClientKeyExchange(body);
        events.step(HandshakeStep.PRE_MASTER_SECRET, "ClientKeyExchange (" + keyExchange.name() + ", " + body.length
                + " bytes) processed; pre_master_secret recovered");
        masterSecretDerived(deriveMasterSecret(preMaster));
        BulkKeys delivered = exchange.bulkKeys();
        keysDelivered = delivered != null;
        deriveKeys(delivered);
        // RFC 6101 §5.6.8: a CertificateVerify follows only a client certificate with signing capability
        if (!peerChain.isEmpty() && clientCanSign()) {
            state = State.CERTIFICATE_VERIFY;
        } else {
            expectChangeCipherSpec();
            state = State.CHANGE_CIPHER_SPEC;
        }
    }

    private void onCertificateVerify(byte[] body, byte[] before) throws SslAlertException {
        boolean tls12 = version == ProtocolVersion.TLS_1_2;
        DigitallySigned signed = DigitallySigned.decode(body, tls12, "CertificateVerify");
        String keyAlgorithm = KeyAlgorithms.of(peerChain.get(0));
        byte[] legacy = tls12 ? null : schedule.certificateVerifyHash(masterSecret, before, keyAlgorithm);
        Signatures.verify(digests, config.registry(), peerChain.get(0).getPublicKey(), tls12,
                requestedSignatureAlgorithms, signed, before, legacy, "CertificateVerify", out.fuzzerMode());
        events.step(HandshakeStep.MASTER_SECRET, "client authenticated: CertificateVerify (" + keyAlgorithm
                + ") verified against \"" + peerChain.get(0).getSubjectX500Principal().getName() + "\"");
        expectChangeCipherSpec();
        state = State.CHANGE_CIPHER_SPEC;
    }

    @Override
    void onChangeCipherSpec() {
        state = State.FINISHED;
    }

    @Override
    void onHelloRequest(HandshakeMessage m) throws SslAlertException {
        throw new SslAlertException(AlertDescription.UNEXPECTED_MESSAGE, "a server does not accept HelloRequest");
    }

    /** A ClientHello after the handshake asks for a renegotiation the connection did not accept: declined. */
    @Override
    void onMessageAfterHandshake(HandshakeMessage m) throws SslAlertException {
        if (m.type() == HandshakeType.CLIENT_HELLO && !version.isSsl3()) {
            out.warning(AlertDescription.NO_RENEGOTIATION);
            return;
        }
        super.onMessageAfterHandshake(m);
    }
}
