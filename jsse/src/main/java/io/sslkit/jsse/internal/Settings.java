package io.sslkit.jsse.internal;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.CipherSuite;
import io.sslkit.api.Policy;
import io.sslkit.api.ProtocolVersion;
import java.security.AlgorithmConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;

/**
 * What JSSE lets an application set on an engine, socket or server socket before the handshake. Not thread-safe;
 * each connection has its own copy.
 *
 * <p>The sslkit policy follows from the choices: while every enabled version and suite is one the default policy
 * allows, the connection runs under it; enabling anything older (SSLv3, TLSv1, RC4, export, NULL...) explicitly
 * switches that connection to the legacy policy, which is what the application asked for by naming it.
 */
final class Settings {
    private boolean clientModeSet;
    private boolean clientMode;
    private Set<ProtocolVersion> protocols;
    /** Null: the default suites, evaluated against the registry at each use. */
    private List<String> suites;
    private boolean needClientAuth;
    private boolean wantClientAuth;
    private boolean enableSessionCreation = true;
    private String endpointIdentification;
    private List<SNIServerName> serverNames = List.of();
    private Collection<SNIMatcher> sniMatchers = List.of();
    private AlgorithmConstraints algorithmConstraints;
    private boolean useCipherSuitesOrder;
    private String[] applicationProtocols = new String[0];
    private int maximumPacketSize;

    Settings(ContextFlavor flavor) {
        this.protocols = EnumSet.copyOf(flavor.defaultProtocols());
    }

    Settings copy() {
        Settings s = new Settings(ContextFlavor.TLS);
        s.clientModeSet = clientModeSet;
        s.clientMode = clientMode;
        s.protocols = EnumSet.copyOf(protocols);
        s.suites = suites;
        s.needClientAuth = needClientAuth;
        s.wantClientAuth = wantClientAuth;
        s.enableSessionCreation = enableSessionCreation;
        s.endpointIdentification = endpointIdentification;
        s.serverNames = serverNames;
        s.sniMatchers = sniMatchers;
        s.algorithmConstraints = algorithmConstraints;
        s.useCipherSuitesOrder = useCipherSuitesOrder;
        s.applicationProtocols = applicationProtocols.clone();
        s.maximumPacketSize = maximumPacketSize;
        return s;
    }

    static String[] supportedProtocols() {
        return Arrays.stream(ProtocolVersion.values()).map(ProtocolVersion::standardName).toArray(String[]::new);
    }

    String[] enabledProtocols() {
        return protocols.stream().sorted().map(ProtocolVersion::standardName).toArray(String[]::new);
    }

    Set<ProtocolVersion> protocols() {
        return Set.copyOf(protocols);
    }

    void setEnabledProtocols(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("protocols must not be null");
        }
        EnumSet<ProtocolVersion> set = EnumSet.noneOf(ProtocolVersion.class);
        for (String n : names) {
            if (n == null) {
                throw new IllegalArgumentException("null protocol name");
            }
            set.add(ProtocolVersion.byName(n).orElseThrow(
                    () -> new IllegalArgumentException("unsupported protocol: " + n)));
        }
        protocols = set;
    }

    String[] enabledSuites() {
        List<String> names = suites != null ? suites : Suites.defaults();
        AlgorithmRegistry r = Suites.registry();
        return names.stream().filter(n -> Suites.find(n).map(r::isComplete).orElse(false)).toArray(String[]::new);
    }

    void setEnabledSuites(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("cipher suites must not be null");
        }
        AlgorithmRegistry r = Suites.registry();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n == null) {
                throw new IllegalArgumentException("null cipher suite name");
            }
            if (n.equals(Suites.RENEGOTIATION_SCSV)) {
                continue;
            }
            CipherSuite s = Suites.find(n).filter(r::isComplete).orElseThrow(
                    () -> new IllegalArgumentException("unsupported cipher suite: " + n));
            if (!out.contains(s.name())) {
                out.add(s.name());
            }
        }
        suites = List.copyOf(out);
    }

    /** The default policy while it allows every enabled version and suite, else the legacy policy. */
    Policy policy() {
        AlgorithmRegistry r = Suites.registry();
        boolean modern = protocols.stream().allMatch(Policy.DEFAULT::allows)
                && Arrays.stream(enabledSuites()).allMatch(
                        n -> Suites.find(n).map(s -> Policy.DEFAULT.allows(s, r)).orElse(false));
        return modern ? Policy.DEFAULT : Policy.LEGACY;
    }

    boolean clientModeSet() {
        return clientModeSet;
    }

    boolean clientMode() {
        return clientMode;
    }

    void setClientMode(boolean client) {
        clientModeSet = true;
        clientMode = client;
    }

    boolean needClientAuth() {
        return needClientAuth;
    }

    boolean wantClientAuth() {
        return wantClientAuth;
    }

    /** As in JSSE, need and want replace each other. */
    void setNeedClientAuth(boolean need) {
        needClientAuth = need;
        wantClientAuth = false;
    }

    void setWantClientAuth(boolean want) {
        wantClientAuth = want;
        needClientAuth = false;
    }

    boolean enableSessionCreation() {
        return enableSessionCreation;
    }

    void setEnableSessionCreation(boolean enable) {
        enableSessionCreation = enable;
    }

    String endpointIdentification() {
        return endpointIdentification;
    }

    Collection<SNIMatcher> sniMatchers() {
        return sniMatchers;
    }

    List<SNIServerName> serverNames() {
        return serverNames;
    }

    int maximumPacketSize() {
        return maximumPacketSize;
    }

    SSLParameters toParameters() {
        SSLParameters p = new SSLParameters(enabledSuites(), enabledProtocols());
        if (needClientAuth) {
            p.setNeedClientAuth(true);
        } else if (wantClientAuth) {
            p.setWantClientAuth(true);
        }
        p.setEndpointIdentificationAlgorithm(endpointIdentification);
        p.setServerNames(serverNames);
        p.setSNIMatchers(sniMatchers);
        p.setAlgorithmConstraints(algorithmConstraints);
        p.setUseCipherSuitesOrder(useCipherSuitesOrder);
        p.setApplicationProtocols(applicationProtocols);
        p.setMaximumPacketSize(maximumPacketSize);
        return p;
    }

    /** SSLParameters' rule: null arrays and lists leave the current value alone. */
    void apply(SSLParameters p) {
        if (p.getCipherSuites() != null) {
            setEnabledSuites(p.getCipherSuites());
        }
        if (p.getProtocols() != null) {
            setEnabledProtocols(p.getProtocols());
        }
        if (p.getNeedClientAuth()) {
            setNeedClientAuth(true);
        } else {
            setWantClientAuth(p.getWantClientAuth());
        }
        endpointIdentification = p.getEndpointIdentificationAlgorithm();
        if (p.getServerNames() != null) {
            serverNames = List.copyOf(p.getServerNames());
        }
        if (p.getSNIMatchers() != null) {
            sniMatchers = List.copyOf(p.getSNIMatchers());
        }
        algorithmConstraints = p.getAlgorithmConstraints();
        useCipherSuitesOrder = p.getUseCipherSuitesOrder();
        applicationProtocols = p.getApplicationProtocols().clone();
        maximumPacketSize = p.getMaximumPacketSize();
    }
}
