package io.sslkit.cli.internal;

import io.sslkit.api.AlgorithmRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On the plain module path nothing can unload a module, so "stopping" one takes its algorithms out of the registry
 * (what the OSGi feeder does when a bundle stops) and "starting" it puts them back.
 */
final class RegistryModuleControl implements ModuleControl {
    private final AlgorithmRegistry registry;
    private final Map<String, List<Object>> stopped = new HashMap<>();

    RegistryModuleControl(AlgorithmRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String container() {
        return "the JPMS module path (no Felix container found: a stopped module's algorithms are taken out of the "
                + "registry)";
    }

    @Override
    public synchronized boolean stop(String moduleName) {
        List<Object> taken = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        all.addAll(registry.bulkCiphers());
        all.addAll(registry.digests());
        all.addAll(registry.keyExchanges());
        all.addAll(registry.signatures());
        for (Object algorithm : all) {
            if (originOf(algorithm).equals(moduleName)) {
                taken.add(algorithm);
            }
        }
        if (taken.isEmpty()) {
            return false;
        }
        taken.forEach(registry::remove);
        stopped.put(moduleName, taken);
        return true;
    }

    @Override
    public synchronized boolean start(String moduleName) {
        List<Object> taken = stopped.remove(moduleName);
        if (taken == null) {
            return false;
        }
        taken.forEach(a -> registry.add(a, moduleName));
        return true;
    }

    private String originOf(Object algorithm) {
        String name = algorithm instanceof io.sslkit.api.spi.BulkCipher c ? c.name()
                : algorithm instanceof io.sslkit.api.spi.Digest d ? d.name()
                : algorithm instanceof io.sslkit.api.spi.KeyExchange k ? k.name()
                : ((io.sslkit.api.spi.SignatureAlgorithm) algorithm).name();
        return registry.origin(name).orElse("");
    }
}
