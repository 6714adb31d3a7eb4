package io.sslkit.api;

import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherSuiteProvider;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which algorithm modules are present right now, and which cipher suites they make complete. It is fed by
 * {@link ServiceLoader} on the module path, or by the OSGi service registry inside a framework (a component in the
 * handshake bundle calls {@link #add} and {@link #remove}); nothing else knows which of the two feeds it.
 *
 * <p>Reads see an immutable snapshot, so a handshake in progress is never disturbed by a module leaving.
 */
public final class AlgorithmRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(AlgorithmRegistry.class);
    private static volatile AlgorithmRegistry defaultRegistry;

    private final List<Consumer<AlgorithmRegistry>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, String> origins = new LinkedHashMap<>();
    private volatile Snapshot snapshot = Snapshot.of(Map.of());

    /**
     * The registry of this process: the one a container installed with {@link #setDefault}, else one fed by
     * {@link ServiceLoader} from the modules (or class path) present.
     */
    public static AlgorithmRegistry getDefault() {
        AlgorithmRegistry r = defaultRegistry;
        if (r == null) {
            synchronized (AlgorithmRegistry.class) {
                r = defaultRegistry;
                if (r == null) {
                    r = fromServiceLoader(AlgorithmRegistry.class.getClassLoader());
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /** Installs the registry a container feeds (OSGi); null returns to the ServiceLoader default. */
    public static void setDefault(AlgorithmRegistry registry) {
        defaultRegistry = registry;
    }

    /** A registry filled once from the providers that {@link ServiceLoader} finds through {@code loader}. */
    public static AlgorithmRegistry fromServiceLoader(ClassLoader loader) {
        AlgorithmRegistry r = new AlgorithmRegistry();
        r.load(ServiceLoader.load(BulkCipher.class, loader));
        r.load(ServiceLoader.load(Digest.class, loader));
        r.load(ServiceLoader.load(KeyExchange.class, loader));
        r.load(ServiceLoader.load(SignatureAlgorithm.class, loader));
        r.load(ServiceLoader.load(CipherSuiteProvider.class, loader));
        return r;
    }

    /** A registry filled from the providers of a module layer (e.g. one built from a user's module path). */
    public static AlgorithmRegistry fromModuleLayer(ModuleLayer layer) {
        AlgorithmRegistry r = new AlgorithmRegistry();
        r.load(ServiceLoader.load(layer, BulkCipher.class));
        r.load(ServiceLoader.load(layer, Digest.class));
        r.load(ServiceLoader.load(layer, KeyExchange.class));
        r.load(ServiceLoader.load(layer, SignatureAlgorithm.class));
        r.load(ServiceLoader.load(layer, CipherSuiteProvider.class));
        return r;
    }

    /** One broken provider (a half-built jar, a missing class) must not take every other algorithm down with it. */
    private <T> void load(ServiceLoader<T> loader) {
        java.util.Iterator<ServiceLoader.Provider<T>> providers = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> p;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                p = providers.next();
            } catch (java.util.ServiceConfigurationError e) {
                LOG.warn("skipping a provider that cannot be loaded: {}", e.getMessage());
                continue;
            }
            try {
                add(p.get(), originOf(p.type()));
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.warn("skipping provider {}: {}", p.type().getName(), e.toString());
            }
        }
    }

    private static String originOf(Class<?> type) {
        Module m = type.getModule();
        if (m.isNamed()) {
            return m.getName();
        }
        String pkg = type.getPackageName();
        return pkg.isEmpty() ? "(unnamed)" : pkg;
    }

    /**
     * Adds an algorithm (a {@link BulkCipher}, {@link Digest}, {@link KeyExchange}, {@link SignatureAlgorithm} or
     * {@link CipherSuiteProvider}); {@code origin} names the module or bundle that supplies it.
     */
    public void add(Object algorithm, String origin) {
        synchronized (origins) {
            origins.put(algorithm, origin);
            snapshot = Snapshot.of(origins);
        }
        LOG.debug("added {} from {}", describe(algorithm), origin);
        fire();
    }

    public void remove(Object algorithm) {
        String origin;
        synchronized (origins) {
            origin = origins.remove(algorithm);
            if (origin == null) {
                return;
            }
            snapshot = Snapshot.of(origins);
        }
        LOG.debug("removed {} from {}", describe(algorithm), origin);
        fire();
    }

    private static String describe(Object a) {
        if (a instanceof BulkCipher c) {
            return "cipher " + c.name();
        } else if (a instanceof Digest d) {
            return "digest " + d.name();
        } else if (a instanceof KeyExchange k) {
            return "key exchange " + k.name();
        } else if (a instanceof SignatureAlgorithm s) {
            return "signature " + s.name();
        } else if (a instanceof CipherSuiteProvider p) {
            return "suites " + p.cipherSuites().stream().map(CipherSuite::name).toList();
        }
        return a.getClass().getName();
    }

    private void fire() {
        for (Consumer<AlgorithmRegistry> l : listeners) {
            try {
                l.accept(this);
            } catch (RuntimeException e) {
                LOG.warn("registry listener failed", e);
            }
        }
    }

    /** Called after every change (a module arrived or left). */
    public void addListener(Consumer<AlgorithmRegistry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AlgorithmRegistry> listener) {
        listeners.remove(listener);
    }

    public Optional<BulkCipher> bulkCipher(String name) {
        if (NullCipher.NAME.equals(name)) {
            return Optional.of(NullCipher.INSTANCE);
        }
        return Optional.ofNullable(snapshot.ciphers.get(name));
    }

    public Optional<Digest> digest(String name) {
        return Optional.ofNullable(snapshot.digests.get(name));
    }

    public Optional<KeyExchange> keyExchange(String name) {
        return Optional.ofNullable(snapshot.keyExchanges.get(name));
    }

    public Optional<SignatureAlgorithm> signature(String name) {
        return Optional.ofNullable(snapshot.signatures.get(name));
    }

    public List<BulkCipher> bulkCiphers() {
        return List.copyOf(snapshot.ciphers.values());
    }

    public List<Digest> digests() {
        return List.copyOf(snapshot.digests.values());
    }

    public List<KeyExchange> keyExchanges() {
        return List.copyOf(snapshot.keyExchanges.values());
    }

    public List<SignatureAlgorithm> signatures() {
        return List.copyOf(snapshot.signatures.values());
    }

    /** Every suite definition known: the well-known table followed by the contributed ones. */
    public List<CipherSuite> definedSuites() {
        return snapshot.defined;
    }

    /** The suites whose every part is registered now, in preference order. */
    public List<CipherSuite> completeSuites() {
        return snapshot.complete;
    }

    public boolean isComplete(CipherSuite suite) {
        return bulkCipher(suite.cipher()).isPresent() && digest(suite.mac()).isPresent()
                && keyExchange(suite.keyExchange()).isPresent();
    }

    /** The module or bundle that supplies the named part of a suite, or empty when it is missing. */
    public Optional<String> origin(String partName) {
        if (NullCipher.NAME.equals(partName)) {
            return Optional.of("io.sslkit.api");
        }
        Snapshot s = snapshot;
        Object a = s.ciphers.containsKey(partName) ? s.ciphers.get(partName)
                : s.digests.containsKey(partName) ? s.digests.get(partName)
                : s.keyExchanges.containsKey(partName) ? s.keyExchanges.get(partName)
                : s.signatures.get(partName);
        return Optional.ofNullable(a == null ? null : s.origins.get(a));
    }

    /** The modules or bundles that supply something now, each with what it supplies. */
    public Map<String, List<String>> modules() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Map.Entry<Object, String> e : snapshot.origins.entrySet()) {
            out.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(describe(e.getKey()));
        }
        return out;
    }

    private static final class Snapshot {
        final Map<Object, String> origins;
        final Map<String, BulkCipher> ciphers = new LinkedHashMap<>();
        final Map<String, Digest> digests = new LinkedHashMap<>();
        final Map<String, KeyExchange> keyExchanges = new LinkedHashMap<>();
        final Map<String, SignatureAlgorithm> signatures = new LinkedHashMap<>();
        List<CipherSuite> defined;
        List<CipherSuite> complete;

        private Snapshot(Map<Object, String> origins) {
            this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        }

        static Snapshot of(Map<Object, String> origins) {
            Snapshot s = new Snapshot(origins);
            List<CipherSuite> defined = new ArrayList<>(CipherSuites.WELL_KNOWN);
            for (Object a : s.origins.keySet()) {
                if (a instanceof BulkCipher c) {
                    s.ciphers.putIfAbsent(c.name(), c);
                }
                if (a instanceof Digest d) {
                    s.digests.putIfAbsent(d.name(), d);
                }
                if (a instanceof KeyExchange k) {
                    s.keyExchanges.putIfAbsent(k.name(), k);
                }
                if (a instanceof SignatureAlgorithm g) {
                    s.signatures.putIfAbsent(g.name(), g);
                }
                if (a instanceof CipherSuiteProvider p) {
                    for (CipherSuite suite : p.cipherSuites()) {
                        if (defined.stream().noneMatch(d -> d.code() == suite.code())) {
                            defined.add(suite);
                        } else {
                            LOG.warn("suite {} from {} ignored: code {} is already defined", suite.name(),
                                    s.origins.get(a), suite.codeString());
                        }
                    }
                }
            }
            s.defined = List.copyOf(defined);
            List<CipherSuite> complete = new ArrayList<>();
            for (CipherSuite suite : defined) {
                if ((NullCipher.NAME.equals(suite.cipher()) || s.ciphers.containsKey(suite.cipher()))
                        && s.digests.containsKey(suite.mac()) && s.keyExchanges.containsKey(suite.keyExchange())) {
                    complete.add(suite);
                }
            }
            s.complete = List.copyOf(complete);
            return s;
        }
    }
}
