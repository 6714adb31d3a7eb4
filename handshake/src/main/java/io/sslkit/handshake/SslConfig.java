package io.sslkit.handshake;

import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.CipherSuites;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslListener;
import io.sslkit.record.RecordLimits;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;

/**
 * Everything a connection needs to know before it starts: role, policy, versions, suites, credentials, trust,
 * client authentication, listener, registry and session cache. Immutable; share it between connections (they then
 * share the session cache too).
 */
public final class SslConfig {
    /** 64 KiB: a Certificate message with a long chain fits, a hostile 16 MiB length does not. */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE = 65536;
    /** Ten certificates: deeper than any real chain, small enough to bound the work of parsing a hostile one. */
    public static final int DEFAULT_MAX_CERTIFICATE_CHAIN_LENGTH = 10;
    /**
     * Three renegotiations a minute: enough for a server that re-keys or asks for a client certificate later, too
     * few for a peer that renegotiates in a loop to burn our CPU on public-key operations (issue 11).
     */
    public static final int DEFAULT_MAX_RENEGOTIATIONS_PER_MINUTE = 3;
    /** A minute: a slow mobile link finishes well within it; a peer dribbling bytes to hold a thread does not. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofMinutes(1);

    /** A private key with its certificate chain, end-entity first. */
    public record Credential(PrivateKey key, List<X509Certificate> chain) {
        public Credential {
            Objects.requireNonNull(key, "key");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a credential needs at least its end-entity certificate");
            }
        }

        /** The algorithm of the private key, e.g. RSA, DSA, or KEA (which the JDK itself does not know). */
        public String keyAlgorithm() {
            return key.getAlgorithm();
        }
    }

    private final boolean client;
    private final Policy policy;
    private final Set<ProtocolVersion> protocols;
    private final List<CipherSuite> cipherSuites;
    private final List<Credential> credentials;
    private final List<X509Certificate> trustAnchors;
    private final boolean insecure;
    private final CertificateCheck certificateCheck;
    private final ClientAuth clientAuth;
    private final String serverName;
    private final SslListener listener;
    private final AlgorithmRegistry registry;
    private final SessionCache sessionCache;
    private final SecureRandom random;
    private final Clock clock;
    private final int maxHandshakeMessageSize;
    private final boolean fallback;
    private final boolean renegotiation;
    private final int maxCertificateChainLength;
    private final RecordLimits recordLimits;
    private final int maxConsecutiveWarnings;
    private final int maxRenegotiationsPerMinute;
    private final Duration handshakeTimeout;
    private final PeerVerifier peerVerifier;
    private final CredentialChooser credentialChooser;
    private final List<X500Principal> certificateAuthorities;
    private final Consumer<Negotiation> negotiationListener;

    private SslConfig(Builder b) {
        this.client = b.client;
        this.policy = b.policy;
        this.registry = b.registry != null ? b.registry : AlgorithmRegistry.getDefault();
        Set<ProtocolVersion> p = b.protocols != null ? EnumSet.copyOf(b.protocols)
                : EnumSet.copyOf(b.policy.protocols());
        for (ProtocolVersion v : p) {
            if (!policy.allows(v)) {
                throw new IllegalArgumentException(v + " is not allowed by the " + policy + " policy");
            }
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("no protocol version enabled");
        }
        this.protocols = Set.copyOf(p);
        this.cipherSuites = b.cipherSuites == null ? null : resolve(b.cipherSuites, registry, policy);
        this.credentials = List.copyOf(b.credentials);
        this.trustAnchors = List.copyOf(b.trustAnchors);
        this.insecure = b.insecure;
        this.certificateCheck = b.certificateCheck;
        this.clientAuth = b.clientAuth;
        this.serverName = b.serverName;
        this.listener = b.listener;
        this.sessionCache = b.sessionCache != null ? b.sessionCache : new SessionCache();
        this.random = b.random != null ? b.random : new SecureRandom();
        this.clock = b.clock;
        this.maxHandshakeMessageSize = b.maxHandshakeMessageSize;
        this.fallback = b.fallback;
        this.renegotiation = b.renegotiation;
        this.maxCertificateChainLength = b.maxCertificateChainLength;
        this.recordLimits = b.recordLimits;
        this.maxConsecutiveWarnings = b.maxConsecutiveWarnings;
        this.maxRenegotiationsPerMinute = b.maxRenegotiationsPerMinute;
        this.handshakeTimeout = b.handshakeTimeout;
        this.peerVerifier = b.peerVerifier;
        this.credentialChooser = b.credentialChooser;
        this.certificateAuthorities = b.certificateAuthorities != null ? List.copyOf(b.certificateAuthorities)
                : trustAnchors.stream().map(X509Certificate::getSubjectX500Principal).toList();
        this.negotiationListener = b.negotiationListener;
        if (!client && credentials.isEmpty() && credentialChooser == null) {
            throw new IllegalArgumentException("a server needs at least one credential or a credential chooser");
        }
    }

    private static List<CipherSuite> resolve(List<String> names, AlgorithmRegistry registry, Policy policy) {
        List<CipherSuite> out = new ArrayList<>();
        for (String n : names) {
            CipherSuite s = CipherSuites.find(registry.definedSuites(), n).orElseThrow(
                    () -> new IllegalArgumentException("unknown cipher suite: " + n));
            if (!registry.isComplete(s)) {
                throw new IllegalArgumentException("cipher suite " + n + " is unavailable: a module for "
                        + s.parts().stream().filter(part -> registry.origin(part).isEmpty()).toList()
                        + " is missing");
            }
            if (!policy.allows(s, registry)) {
                throw new IllegalArgumentException("cipher suite " + n + " is not allowed by the " + policy
                        + " policy");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty cipher suite list");
        }
        return List.copyOf(out);
    }

    public static Builder client() {
        return new Builder(true);
    }

    public static Builder server() {
        return new Builder(false);
    }

    public boolean isClient() {
        return client;
    }

    public Policy policy() {
        return policy;
    }

    public Set<ProtocolVersion> protocols() {
        return protocols;
    }

    /**
     * The suites in preference order: the configured list, or else every suite that the registry makes complete
     * now and the policy allows (evaluated at each call, so modules that come and go are seen).
     */
    public List<CipherSuite> cipherSuites() {
        if (cipherSuites != null) {
            return cipherSuites.stream().filter(registry::isComplete).toList();
        }
        return registry.completeSuites().stream().filter(s -> policy.allows(s, registry)).toList();
    }

    public List<Credential> credentials() {
        return credentials;
    }

    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    public boolean insecure() {
        return insecure;
    }

    public CertificateCheck certificateCheck() {
        return certificateCheck;
    }

    public ClientAuth clientAuth() {
        return clientAuth;
    }

    public String serverName() {
        return serverName;
    }

    public SslListener listener() {
        return listener;
    }

    public AlgorithmRegistry registry() {
        return registry;
    }

    public SessionCache sessionCache() {
        return sessionCache;
    }

    public SecureRandom random() {
        return random;
    }

    /** The time the handshake reads: gmt_unix_time in both randoms, the handshake time limit, renegotiation budget. */
    public Clock clock() {
        return clock;
    }

    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    public int maxCertificateChainLength() {
        return maxCertificateChainLength;
    }

    public RecordLimits recordLimits() {
        return recordLimits;
    }

    public int maxConsecutiveWarnings() {
        return maxConsecutiveWarnings;
    }

    /** Whether secure renegotiation (RFC 5746) is accepted and may be started; never without RFC 5746. */
    public boolean renegotiation() {
        return renegotiation;
    }

    /** At most this many renegotiations start in any 60 seconds of one connection; more are declined. */
    public int maxRenegotiationsPerMinute() {
        return maxRenegotiationsPerMinute;
    }

    /** How long a handshake may take before {@link SslEngine} (and {@link SslSocket}) give up on the peer. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The application's decision on every peer chain, or null to let sslkit's own checks decide. */
    public PeerVerifier peerVerifier() {
        return peerVerifier;
    }

    /** Picks credentials when the handshake needs them, or null to use {@link #credentials()}. */
    public CredentialChooser credentialChooser() {
        return credentialChooser;
    }

    /**
     * Server: the distinguished names sent in CertificateRequest.certificate_authorities; by default the subjects
     * of the trust anchors.
     */
    public List<X500Principal> certificateAuthorities() {
        return certificateAuthorities;
    }

    /** Told the version and suite as soon as the hellos have agreed on them; never null. */
    public Consumer<Negotiation> negotiationListener() {
        return negotiationListener;
    }

    /** Client: whether the ClientHello carries TLS_FALLBACK_SCSV. */
    public boolean fallback() {
        return fallback;
    }

    public static final class Builder {
        private final boolean client;
        private Policy policy = Policy.DEFAULT;
        private Collection<ProtocolVersion> protocols;
        private List<String> cipherSuites;
        private final List<Credential> credentials = new ArrayList<>();
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private boolean insecure;
        private CertificateCheck certificateCheck = CertificateCheck.REFUSE;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private String serverName;
        private SslListener listener = SslListener.NONE;
        private AlgorithmRegistry registry;
        private SessionCache sessionCache;
        private SecureRandom random;
        private Clock clock = Clock.systemUTC();
        private int maxHandshakeMessageSize = DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE;
        private boolean fallback;
        private boolean renegotiation = true;
        private int maxCertificateChainLength = DEFAULT_MAX_CERTIFICATE_CHAIN_LENGTH;
        private RecordLimits recordLimits = RecordLimits.DEFAULT;
        private int maxConsecutiveWarnings = AlertProtocol.DEFAULT_MAX_CONSECUTIVE_WARNINGS;
        private int maxRenegotiationsPerMinute = DEFAULT_MAX_RENEGOTIATIONS_PER_MINUTE;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private PeerVerifier peerVerifier;
        private CredentialChooser credentialChooser;
        private List<X500Principal> certificateAuthorities;
        private Consumer<Negotiation> negotiationListener = n -> { };

        private Builder(boolean client) {
            this.client = client;
        }

        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder protocols(Collection<ProtocolVersion> protocols) {
            this.protocols = List.copyOf(protocols);
            return this;
        }

        public Builder protocols(ProtocolVersion... protocols) {
            return protocols(List.of(protocols));
        }

        /** JSSE/IANA or OpenSSL names (or 0x0004 codes), in preference order. */
        public Builder cipherSuites(List<String> names) {
            this.cipherSuites = List.copyOf(names);
            return this;
        }

        public Builder cipherSuites(String... names) {
            return cipherSuites(List.of(names));
        }

        /** Repeatable: e.g. an RSA and a DSA credential; the server picks the one the chosen suite needs. */
        public Builder credential(PrivateKey key, X509Certificate... chain) {
            credentials.add(new Credential(key, List.of(chain)));
            return this;
        }

        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            trustAnchors.addAll(anchors);
            return this;
        }

        /** Client: accept any server certificate; the check's outcome still reaches the listeners. */
        public Builder insecure() {
            this.insecure = true;
            return this;
        }

        public Builder certificateCheck(CertificateCheck hook) {
            this.certificateCheck = Objects.requireNonNull(hook, "hook");
            return this;
        }

        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /**
         * Client: the host name to ask for (server_name, TLS only) and that the server's certificate must name
         * (a mismatch is certificate_unknown, which the {@link CertificateCheck} hook sees like any other problem).
         */
        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        public Builder listener(SslListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder registry(AlgorithmRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder sessionCache(SessionCache cache) {
            this.sessionCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The clock the handshake reads (default {@link Clock#systemUTC()}): the gmt_unix_time that starts both hello
         * randoms, the start and limit of {@link #handshakeTimeout(Duration)} in {@link SslEngine}, and the window of
         * {@link #maxRenegotiationsPerMinute(int)}. Tests pass a fixed or manually advanced clock; with it and a
         * deterministic {@link #random(SecureRandom)} every handshake byte is reproducible. Session lifetimes are
         * measured by the {@link SessionCache}, which connections of different configurations may share, not here.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder maxHandshakeMessageSize(int bytes) {
            if (bytes < 1024 || bytes > 0xFFFFFF) {
                throw new IllegalArgumentException("maxHandshakeMessageSize must be within 1024..16777215: " + bytes);
            }
            this.maxHandshakeMessageSize = bytes;
            return this;
        }

        /** The longest certificate chain accepted from the peer; a longer one is bad_certificate before parsing. */
        public Builder maxCertificateChainLength(int certificates) {
            if (certificates < 1) {
                throw new IllegalArgumentException("maxCertificateChainLength must be at least 1: " + certificates);
            }
            this.maxCertificateChainLength = certificates;
            return this;
        }

        /** The record layer's bounds: plaintext per record written, empty records in a row accepted. */
        public Builder recordLimits(RecordLimits limits) {
            this.recordLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Warning alerts accepted in a row before the peer is cut off (unexpected_message). */
        public Builder maxConsecutiveWarnings(int warnings) {
            if (warnings < 1) {
                throw new IllegalArgumentException("maxConsecutiveWarnings must be at least 1: " + warnings);
            }
            this.maxConsecutiveWarnings = warnings;
            return this;
        }

        /**
         * Client: this connection is a retry at lower versions after a failed attempt; the ClientHello says so with
         * TLS_FALLBACK_SCSV (RFC 7507), and a server that could have done better refuses (inappropriate_fallback).
         */
        public Builder fallback() {
            this.fallback = true;
            return this;
        }

        /**
         * Whether this side accepts and may start renegotiations (default yes, bounded by
         * {@link #maxRenegotiationsPerMinute(int)}; off, a ClientHello or HelloRequest after the handshake is declined
         * with no_renegotiation). Only a peer that supports RFC 5746 ever gets one; insecure renegotiation is never
         * offered nor accepted.
         */
        public Builder renegotiation(boolean allowed) {
            this.renegotiation = allowed;
            return this;
        }

        /**
         * The most renegotiations that may start within any 60 seconds of one connection; one beyond is declined
         * (no_renegotiation warning) when the peer asks, refused with IllegalStateException when we ask.
         */
        public Builder maxRenegotiationsPerMinute(int renegotiations) {
            if (renegotiations < 0) {
                throw new IllegalArgumentException("maxRenegotiationsPerMinute must not be negative: "
                        + renegotiations);
            }
            this.maxRenegotiationsPerMinute = renegotiations;
            return this;
        }

        /**
         * How long a handshake (the first or a renegotiation) may take. {@link SslEngine} measures it with
         * {@link #clock(Clock)} from its first wrap or unwrap of the handshake; the next wrap or unwrap after the limit
         * fails the handshake with a fatal handshake_failure alert. {@link SslSocket} also bounds each read by the time
         * left (a silent peer makes no call return), and reports either as a {@link java.net.SocketTimeoutException}.
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshakeTimeout must be positive: " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * Lets the application decide on every peer chain, with what the handshake has agreed so far and what
         * sslkit's own checks found; it replaces {@link #certificateCheck(CertificateCheck)} and {@link #insecure()}.
         */
        public Builder peerVerifier(PeerVerifier verifier) {
            this.peerVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** Lets the application pick credentials at the moment the handshake needs one (see CredentialChooser). */
        public Builder credentialChooser(CredentialChooser chooser) {
            this.credentialChooser = Objects.requireNonNull(chooser, "chooser");
            return this;
        }

        /** Server: the CA names to send in CertificateRequest instead of the trust anchors' subjects. */
        public Builder certificateAuthorities(Collection<X500Principal> names) {
            this.certificateAuthorities = List.copyOf(names);
            return this;
        }

        /** Called once per handshake when the hellos have fixed the version and suite (and SNI, on a server). */
        public Builder negotiationListener(Consumer<Negotiation> listener) {
            this.negotiationListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SslConfig build() {
            return new SslConfig(this);
        }
    }
}
