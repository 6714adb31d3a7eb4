package io.sslkit.handshake.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.HandshakeStep;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.BulkKeys;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.handshake.Negotiation;
import io.sslkit.handshake.SslConfig;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The client's state machine (RFC 6101 §5.5 / RFC 5246 §7.3):
 * ClientHello → ServerHello → Certificate → [ServerKeyExchange] → [CertificateRequest] → ServerHelloDone →
 * [Certificate] ClientKeyExchange [CertificateVerify] ChangeCipherSpec Finished → ChangeCipherSpec → Finished;
 * or, resuming, ClientHello → ServerHello → ChangeCipherSpec → Finished → ChangeCipherSpec Finished.
 */
final class ClientHandshaker extends Handshaker {
    private enum State { START, SERVER_HELLO, CERTIFICATE, KEY_EXCHANGE_OR_REQUEST_OR_DONE, REQUEST_OR_DONE, DONE,
        CHANGE_CIPHER_SPEC, FINISHED, COMPLETE }

    private final String host;
    private final int port;
    private State state = State.START;
    private int clientVersion;
    private List<CipherSuite> offered;
    private Session offeredSession;
    private KeyExchange keyExchange;
    private KeyExchange.Client exchange;
    private ExchangeContext context;
    private boolean keysDelivered;
    private CertificateRequest certificateRequest;
    private int[] offeredSignatureAlgorithms;
    private byte[] serverSessionId = new byte[0];
    private final java.util.Set<Integer> offeredExtensions = new java.util.HashSet<>();

    ClientHandshaker(SslConfig config, HandshakeOutput out, SessionStore cache, String host, int port,
                     PriorHandshake prior) {
        super(config, out, cache, prior);
        this.host = host;
        this.port = port;
    }

    @Override
    public void start() throws SslAlertException {
        if (state != State.START) {
            throw new IllegalStateException("handshake already started");
        }
        ProtocolVersion highest = Negotiator.highest(config.protocols());
        clientVersion = highest.wireValue();
        offered = Negotiator.offer(config);
        if (offered.isEmpty()) {
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "no cipher suite to offer: none is complete in the registry and allowed by the policy");
        }
        clientRandom = newRandom(config);
        byte[] sessionId = new byte[0];
        Session cached = host == null ? null : cache.byPeer(host, port);
        if (cached != null && config.protocols().contains(cached.version()) && offered.contains(cached.suite())) {
            offeredSession = cached;
            // known to the connection from now on, so that a fatal alert during this handshake invalidates it
            session = cached;
            sessionId = cached.id();
        }
        List<Integer> codeList = new ArrayList<>();
        offered.forEach(s -> codeList.add(s.code()));
        List<Extension> extensions = new ArrayList<>();
        if (prior == null) {
            // RFC 5746 §3.3: the SCSV signals secure renegotiation support in an initial hello
            codeList.add(CipherSuites.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        } else {
            // RFC 5746 §3.5: a renegotiating client proves the connection with its last verify_data
            extensions.add(new Extension(Extension.RENEGOTIATION_INFO, renegotiationInfo(false)));
        }
        if (config.fallback()) {
            codeList.add(CipherSuites.TLS_FALLBACK_SCSV);
        }
        int[] codes = codeList.stream().mapToInt(Integer::intValue).toArray();
        if (highest.atLeast(ProtocolVersion.TLS_1_0)) {
            if (config.serverName() != null) {
                extensions.add(serverName(config.serverName()));
            }
            extensions.add(new Extension(Extension.EXTENDED_MASTER_SECRET, new byte[0]));
            if (highest == ProtocolVersion.TLS_1_2) {
                offeredSignatureAlgorithms = Signatures.supported(config.registry());
                HandshakeWriter w = new HandshakeWriter();
                for (int a : offeredSignatureAlgorithms) {
                    w.u16(a);
                }
                extensions.add(new Extension(Extension.SIGNATURE_ALGORITHMS,
                        new HandshakeWriter().vector16(w.toByteArray()).toByteArray()));
            }
        }
        extensions.forEach(e -> offeredExtensions.add(e.type()));
        // the SCSV stands for renegotiation_info (RFC 5746 §3.4)
        offeredExtensions.add(Extension.RENEGOTIATION_INFO);
        ClientHello hello = new ClientHello(clientVersion, clientRandom, sessionId, codes, new byte[] {0},
                extensions);
        send(HandshakeType.CLIENT_HELLO, hello.encode());
        events.step(HandshakeStep.CLIENT_HELLO, "offered " + config.protocols().stream().sorted().toList()
                + " (client_version " + highest + "), random " + Hex.of(clientRandom) + ", " + offered.size()
                + " suites " + offered.stream().map(CipherSuite::name).toList()
                + (offeredSession != null ? ", resuming session " + Hex.of(sessionId) : ", no session to resume"));
        state = State.SERVER_HELLO;
    }

    static byte[] newRandom(SslConfig config) {
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        // gmt_unix_time: the first four bytes (RFC 6101 §5.6.1.2), from the configured clock so tests can fix it
        long now = config.clock().millis() / 1000;
        random[0] = (byte) (now >>> 24);
        random[1] = (byte) (now >>> 16);
        random[2] = (byte) (now >>> 8);
        random[3] = (byte) now;
        return random;
    }

    static Extension serverName(String name) {
        byte[] host = name.getBytes(StandardCharsets.US_ASCII);
        byte[] list = new HandshakeWriter().u8(0).vector16(host).toByteArray();
        return new Extension(Extension.SERVER_NAME, new HandshakeWriter().vector16(list).toByteArray());
    }

    @Override
    void handle(HandshakeMessage m, byte[] before) throws SslAlertException {
        switch (state) {
            case SERVER_HELLO -> {
                require(m, HandshakeType.SERVER_HELLO, "ServerHello");
                onServerHello(ServerHello.decode(m.body()));
            }
            case CERTIFICATE -> {
                require(m, HandshakeType.CERTIFICATE, "Certificate");
                onCertificate(CertificateMessage.decode(m.body()));
            }
            case KEY_EXCHANGE_OR_REQUEST_OR_DONE -> {
                if (m.type() == HandshakeType.SERVER_KEY_EXCHANGE) {
                    exchange.processServerKeyExchange(m.body());
                    events.step(HandshakeStep.PRE_MASTER_SECRET, "ServerKeyExchange for " + keyExchange.name()
                            + " received and accepted by the key exchange");
                    state = State.REQUEST_OR_DONE;
                } else {
                    noServerKeyExchange(m);
                    onRequestOrDone(m);
                }
            }
            case REQUEST_OR_DONE -> onRequestOrDone(m);
            case DONE -> {
                require(m, HandshakeType.SERVER_HELLO_DONE, "ServerHelloDone");
                onServerHelloDone(m);
            }
            case FINISHED -> {
                require(m, HandshakeType.FINISHED, "Finished");
                verifyFinished(m, before);
                state = State.COMPLETE;
                if (resumed) {
                    sendChangeCipherSpecAndFinished();
                    markComplete(offeredSession);
                } else {
                    Session s = newSession(serverSessionId);
                    s.serverName(config.serverName());
                    // keys a key exchange delivered are not in the session: such a session cannot be resumed
                    if (host != null && serverSessionId.length > 0 && !keysDelivered) {
                        cache.putByPeer(host, port, s);
                    }
                    markComplete(s);
                }
            }
            default -> throw unexpected(m, describe(state));
        }
    }

    private void require(HandshakeMessage m, HandshakeType type, String what) throws SslAlertException {
        if (m.type() != type) {
            throw unexpected(m, what);
        }
    }

    private static String describe(State s) {
        return switch (s) {
            case CHANGE_CIPHER_SPEC -> "ChangeCipherSpec";
            case COMPLETE -> "no handshake message";
            default -> s.name();
        };
    }

    private void onServerHello(ServerHello hello) throws SslAlertException {
        ProtocolVersion v = ProtocolVersion.fromWire(hello.serverVersion() >>> 8, hello.serverVersion() & 0xFF)
                .orElse(null);
        if (v == null || !config.protocols().contains(v) || v.wireValue() > clientVersion) {
            throw new SslAlertException(AlertDescription.PROTOCOL_VERSION, "server chose "
                    + versionName(hello.serverVersion()) + ", not one of " + config.protocols());
        }
        version = v;
        CipherSuite chosen = offered.stream().filter(s -> s.code() == hello.cipherSuite()).findFirst().orElse(null);
        if (chosen == null || !chosen.supports(v)) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER, String.format(
                    "server chose suite 0x%04X, which was not offered for %s", hello.cipherSuite(), v));
        }
        if (hello.compressionMethod() != 0) {
            throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "server chose compression method " + hello.compressionMethod() + ", only null was offered");
        }
        for (Extension e : hello.extensions()) {
            if (!offeredExtensions.contains(e.type())) {
                // RFC 5246 §7.4.1.4: a server answers only extensions the client offered
                throw new SslAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
                        "server sent extension " + e.type() + ", which was not offered");
            }
        }
        Extension ri = Extension.find(hello.extensions(), Extension.RENEGOTIATION_INFO);
        if (prior == null && ri != null && !java.util.Arrays.equals(ri.data(), renegotiationInfo(true))) {
            // RFC 5746 §3.4: an initial handshake carries an empty renegotiated_connection
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "renegotiation_info not empty");
        }
        if (prior != null && (ri == null
                || !java.security.MessageDigest.isEqual(ri.data(), renegotiationInfo(true)))) {
            // RFC 5746 §3.5: the server must prove both verify_data of the connection
            throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation_info missing or wrong in a renegotiation");
        }
        secureRenegotiation = ri != null;
        suite = chosen;
        // only offered from TLS 1.0 on; in an SSL 3.0 ServerHello it has no meaning
        extendedMasterSecret = !v.isSsl3() && emsOffered(hello.extensions())
                && Negotiator.highest(config.protocols()).atLeast(ProtocolVersion.TLS_1_0);
        serverRandom = hello.random();
        serverSessionId = hello.sessionId();
        chooseSchedule();
        resumed = offeredSession != null && hello.sessionId().length > 0
                && java.util.Arrays.equals(hello.sessionId(), offeredSession.id());
        events.step(HandshakeStep.SERVER_HELLO, "server chose " + v + " and " + suite.name() + ", random "
                + Hex.of(serverRandom) + ", session " + Hex.of(hello.sessionId())
                + (resumed ? " (resumes the offered session)" : " (new)"));
        Events.negotiated(config.negotiationListener(), new Negotiation(true, v, suite, resumed,
                v.isSsl3() ? null : config.serverName()));
        if (resumed) {
            if (offeredSession.extendedMasterSecret() != extendedMasterSecret) {
                // RFC 7627 §5.3: a resumption must keep the session's master secret form
                throw new SslAlertException(AlertDescription.HANDSHAKE_FAILURE, "resumption "
                        + (extendedMasterSecret ? "adds" : "drops") + " the extended master secret");
            }
            if (offeredSession.version() != v || !offeredSession.suite().equals(suite)) {
                throw new SslAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "resumed session was " + offeredSession.version() + " " + offeredSession.suite()
                                + ", server says " + v + " " + suite);
            }
            masterSecret = offeredSession.masterSecret();
            peerChain = offeredSession.peerCertificates();
            localChain = offeredSession.localCertificates();
            masterSecretDerived("taken from the resumed session");
            deriveKeys(null);
            expectChangeCipherSpec();
            state = State.CHANGE_CIPHER_SPEC;
            return;
        }
        if (offeredSession != null) {
            // the server declined: the old session is of no further use with this peer
            cache.remove(offeredSession);
        }
        keyExchange = config.registry().keyExchange(suite.keyExchange()).orElseThrow(() -> new SslAlertException(
                AlertDescription.HANDSHAKE_FAILURE, "key exchange module " + suite.keyExchange() + " is gone"));
        state = State.CERTIFICATE;
    }

    private void onCertificate(CertificateMessage msg) throws SslAlertException {
        if (msg.certificateList().isEmpty()) {
            throw new SslAlertException(AlertDescription.BAD_CERTIFICATE, "server sent an empty certificate chain");
        }
        peerChain = CertificateChecker.parse(msg.certificateList(), config.maxCertificateChainLength());
        CertificateChecker checker = new CertificateChecker(config.trustAnchors(), config.insecure(),
                config.certificateCheck(), config.peerVerifier());
        CertificateChecker.Outcome outcome;
        try {
            // the name is checked only when the application named the server it wants
            outcome = checker.check(peerChain, Set.of(keyExchange.serverKeyAlgorithm()), config.serverName(),
                    new CertificateChecker.Negotiated(true, version, suite, config.serverName()));
        } catch (SslAlertException e) {
            events.step(HandshakeStep.SERVER_AUTHENTICATION, "server certificate refused: " + e.getMessage());
            throw e;
        }
        events.step(HandshakeStep.SERVER_AUTHENTICATION, "server certificate " + outcome.detail()
                + (peerChain.size() > 1 ? " (chain of " + peerChain.size() + ")" : ""));
        context = new ExchangeContext(version, clientVersion, clientRandom, serverRandom, config.random(),
                peerChain.get(0), null, digests, config.registry(), offeredSignatureAlgorithms,
                config.policy().minimumDhBits(), suite.cipher(), out.fuzzerMode());
        exchange = keyExchange.newClient(context);
        state = State.KEY_EXCHANGE_OR_REQUEST_OR_DONE;
    }

    /** The exchange decides whether a missing ServerKeyExchange is acceptable (RSA: yes; DHE: unexpected). */
    private void noServerKeyExchange(HandshakeMessage m) throws SslAlertException {
        if (m.type() != HandshakeType.CERTIFICATE_REQUEST && m.type() != HandshakeType.SERVER_HELLO_DONE) {
            throw unexpected(m, "ServerKeyExchange, CertificateRequest or ServerHelloDone");
        }
        exchange.processServerKeyExchange(null);
    }

    private void onRequestOrDone(HandshakeMessage m) throws SslAlertException {
        if (m.type() == HandshakeType.CERTIFICATE_REQUEST) {
            certificateRequest = CertificateRequest.decode(m.body(), version == ProtocolVersion.TLS_1_2);
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "server asks for a client certificate (types "
                    + java.util.Arrays.toString(certificateRequest.certificateTypes()) + ", "
                    + certificateRequest.certificateAuthorities().size() + " CA names)");
            state = State.DONE;
        } else if (m.type() == HandshakeType.SERVER_HELLO_DONE) {
            onServerHelloDone(m);
        } else {
            throw unexpected(m, "CertificateRequest or ServerHelloDone");
        }
    }

    private void onServerHelloDone(HandshakeMessage m) throws SslAlertException {
        if (m.body().length != 0) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR, "ServerHelloDone must be empty");
        }
        SslConfig.Credential credential = null;
        if (certificateRequest != null) {
            credential = chooseCredential();
            if (credential != null) {
                localChain = credential.chain();
                context.clientCredential(localChain.get(0), credential.key());
                send(HandshakeType.CERTIFICATE, encode(localChain));
            } else if (version.isSsl3()) {
                // RFC 6101 §5.6.6: an SSL 3.0 client without a certificate says so with a warning alert
                out.warning(AlertDescription.NO_CERTIFICATE);
            } else {
                send(HandshakeType.CERTIFICATE, new CertificateMessage(List.of()).encode());
            }
        }
        byte[] body = exchange.clientKeyExchange();
        send(HandshakeType.CLIENT_KEY_EXCHANGE, body);
        events.step(HandshakeStep.PRE_MASTER_SECRET, "pre_master_secret created and sent in ClientKeyExchange ("
                + keyExchange.name() + ", " + body.length + " bytes)");
        String how = deriveMasterSecret(exchange.preMasterSecret());
        if (credential != null && canSign(credential)) {
            sendCertificateVerify(credential);
        } else if (credential != null) {
            // RFC 6101 §5.6.8: only certificates with signing capability are followed by CertificateVerify
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client sent its " + credential.keyAlgorithm()
                    + " certificate, which cannot sign: no CertificateVerify");
        } else if (certificateRequest != null) {
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "no client certificate to send"
                    + (version.isSsl3() ? " (no_certificate warning sent)" : " (empty Certificate sent)"));
        } else {
            events.step(HandshakeStep.CLIENT_AUTHENTICATION, "not requested by the server");
        }
        masterSecretDerived(how);
        BulkKeys delivered = exchange.bulkKeys();
        keysDelivered = delivered != null;
        deriveKeys(delivered);
        sendChangeCipherSpecAndFinished();
        expectChangeCipherSpec();
        state = State.CHANGE_CIPHER_SPEC;
    }

    /**
     * The application's chooser decides when there is one; else the first configured credential of a requested,
     * usable type whose chain leads to one of the server's CA names (any, when the server named none).
     */
    private SslConfig.Credential chooseCredential() throws SslAlertException {
        List<X500Principal> authorities = new ArrayList<>();
        for (byte[] dn : certificateRequest.certificateAuthorities()) {
            try {
                authorities.add(new X500Principal(dn));
            } catch (IllegalArgumentException e) {
                throw new SslAlertException(AlertDescription.DECODE_ERROR,
                        "CertificateRequest.certificate_authorities holds a malformed DistinguishedName", e);
            }
        }
        if (config.credentialChooser() != null) {
            LinkedHashSet<String> wanted = new LinkedHashSet<>();
            for (byte t : certificateRequest.certificateTypes()) {
                String algorithm = keyAlgorithm(t & 0xFF);
                if (algorithm != null && usable(algorithm)) {
                    wanted.add(algorithm);
                }
            }
            if (wanted.isEmpty()) {
                return null;
            }
            SslConfig.Credential c = config.credentialChooser().clientCredential(
                    java.util.Collections.unmodifiableSet(wanted), List.copyOf(authorities));
            return c != null && wanted.contains(c.keyAlgorithm()) ? c : null;
        }
        for (SslConfig.Credential c : config.credentials()) {
            int type = switch (c.keyAlgorithm()) {
                case "RSA" -> CertificateRequest.RSA_SIGN;
                case "DSA" -> CertificateRequest.DSS_SIGN;
                case KeyAlgorithms.KEA -> CertificateRequest.FORTEZZA_KEA;
                default -> -1;
            };
            if (type > 0 && usable(c.keyAlgorithm()) && certificateRequest.allowsType(type)
                    && issuedByOneOf(c.chain(), authorities)) {
                return c;
            }
        }
        return null;
    }

    /** The key algorithm of a ClientCertificateType, or null for one sslkit does not send. */
    private static String keyAlgorithm(int certificateType) {
        return switch (certificateType) {
            case CertificateRequest.RSA_SIGN -> "RSA";
            case CertificateRequest.DSS_SIGN -> "DSA";
            case CertificateRequest.FORTEZZA_KEA -> KeyAlgorithms.KEA;
            default -> null;
        };
    }

    /** A key that can sign a CertificateVerify, or a KEA key in a FORTEZZA_KEA exchange (which uses it instead). */
    private boolean usable(String keyAlgorithm) {
        return config.registry().signatures().stream().anyMatch(s -> s.keyAlgorithm().equals(keyAlgorithm))
                || (KeyAlgorithms.KEA.equals(keyAlgorithm)
                && KeyAlgorithms.KEA.equals(keyExchange.serverKeyAlgorithm()));
    }

    /** Whether some certificate of the chain was issued by (or is) one of the named CAs; an empty list names any. */
    private static boolean issuedByOneOf(List<java.security.cert.X509Certificate> chain,
                                         List<X500Principal> authorities) {
        if (authorities.isEmpty()) {
            return true;
        }
        for (java.security.cert.X509Certificate c : chain) {
            if (authorities.contains(c.getIssuerX500Principal()) || authorities.contains(c.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private boolean canSign(SslConfig.Credential c) {
        return config.registry().signatures().stream().anyMatch(s -> s.keyAlgorithm().equals(c.keyAlgorithm()));
    }

    private void sendCertificateVerify(SslConfig.Credential credential) throws SslAlertException {
        byte[] messages = transcript();
        boolean tls12 = version == ProtocolVersion.TLS_1_2;
        byte[] legacy = tls12 ? null
                : schedule.certificateVerifyHash(masterSecret, messages, credential.keyAlgorithm());
        DigitallySigned signed = Signatures.sign(digests, config.registry(), credential.key(), tls12,
                certificateRequest.supportedSignatureAlgorithms(), messages, legacy, config.random());
        send(HandshakeType.CERTIFICATE_VERIFY, signed.encode());
        events.step(HandshakeStep.CLIENT_AUTHENTICATION, "client sent certificate subject \""
                + credential.chain().get(0).getSubjectX500Principal().getName() + "\" and a "
                + credential.keyAlgorithm() + " CertificateVerify over the handshake messages");
    }

    static byte[] encode(List<java.security.cert.X509Certificate> chain) throws SslAlertException {
        List<byte[]> der = new ArrayList<>();
        try {
            for (java.security.cert.X509Certificate c : chain) {
                der.add(c.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new SslAlertException(AlertDescription.INTERNAL_ERROR, "cannot encode our certificate", e);
        }
        return new CertificateMessage(der).encode();
    }

    @Override
    void onChangeCipherSpec() {
        state = State.FINISHED;
    }

    /** RFC 5246 §7.4.1.1: ignored during a handshake; afterwards we decline renegotiation. */
    @Override
    void onHelloRequest(HandshakeMessage m) throws SslAlertException {
        if (m.body().length != 0) {
            throw new SslAlertException(AlertDescription.DECODE_ERROR, "HelloRequest must be empty");
        }
        if (isComplete() && !version.isSsl3()) {
            out.warning(AlertDescription.NO_RENEGOTIATION);
        }
    }
}
