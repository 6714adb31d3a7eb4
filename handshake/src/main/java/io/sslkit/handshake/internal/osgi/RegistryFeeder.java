package io.sslkit.handshake.internal.osgi;

import io.sslkit.api.AlgorithmRegistry;
import io.sslkit.api.spi.BulkCipher;
import io.sslkit.api.spi.CipherSuiteProvider;
import io.sslkit.api.spi.Digest;
import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inside an OSGi framework, keeps an {@link AlgorithmRegistry} in step with the algorithm services present: SPI Fly
 * registers each plugin bundle's {@code META-INF/services} providers as OSGi services, and this component hands every
 * one of them to the registry as it arrives and takes it back as it leaves. On the JPMS module path nothing loads this
 * class; there the registry is fed by {@link java.util.ServiceLoader}.
 *
 * <p>The references are dynamic and greedy so that a bundle stopped, started or installed while the framework runs
 * changes the registry at once, without the component (and the connections that use the registry) being restarted.
 * For dynamic references DS calls the bind methods before {@link #activate}, so the registry exists from construction.
 */
@Component(immediate = true)
public final class RegistryFeeder {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFeeder.class);

    private final AlgorithmRegistry registry = new AlgorithmRegistry();
    private ServiceRegistration<AlgorithmRegistry> registration;

    @Activate
    void activate(BundleContext context) {
        AlgorithmRegistry.setDefault(registry);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_DESCRIPTION, "sslkit algorithms and complete cipher suites, fed by OSGi");
        registration = context.registerService(AlgorithmRegistry.class, registry, properties);
        LOG.info("algorithm registry active: {} complete suites", registry.completeSuites().size());
    }

    @Deactivate
    void deactivate() {
        // Unregister first so that no consumer picks up a registry that stops changing.
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        AlgorithmRegistry.setDefault(null);
        LOG.info("algorithm registry inactive");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeBulkCipher")
    void addBulkCipher(BulkCipher cipher, ServiceReference<BulkCipher> reference) {
        registry.add(cipher, origin(reference));
    }

    void removeBulkCipher(BulkCipher cipher) {
        registry.remove(cipher);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDigest")
    void addDigest(Digest digest, ServiceReference<Digest> reference) {
        registry.add(digest, origin(reference));
    }

    void removeDigest(Digest digest) {
        registry.remove(digest);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeKeyExchange")
    void addKeyExchange(KeyExchange keyExchange, ServiceReference<KeyExchange> reference) {
        registry.add(keyExchange, origin(reference));
    }

    void removeKeyExchange(KeyExchange keyExchange) {
        registry.remove(keyExchange);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSignatureAlgorithm")
    void addSignatureAlgorithm(SignatureAlgorithm signature, ServiceReference<SignatureAlgorithm> reference) {
        registry.add(signature, origin(reference));
    }

    void removeSignatureAlgorithm(SignatureAlgorithm signature) {
        registry.remove(signature);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCipherSuiteProvider")
    void addCipherSuiteProvider(CipherSuiteProvider provider, ServiceReference<CipherSuiteProvider> reference) {
        registry.add(provider, origin(reference));
    }

    void removeCipherSuiteProvider(CipherSuiteProvider provider) {
        registry.remove(provider);
    }

    /**
     * The bundle that registered the service names its origin, as the JPMS module does on the module path; both
     * are the same name because every sslkit bundle's symbolic name is its module name.
     */
    private static String origin(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "(unregistered)" : bundle.getSymbolicName();
    }
}
