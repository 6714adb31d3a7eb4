package io.sslkit.distribution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OSGi AlgorithmRegistry service seen from the test. Its class comes from the api bundle's class loader, and the
 * test class path deliberately holds no sslkit jar, so the test reads it by reflection and compares names only.
 */
final class RegistryView {
    static final String SERVICE = "io.sslkit.api.AlgorithmRegistry";

    private final Object registry;

    RegistryView(Object registry) {
        if (!SERVICE.equals(registry.getClass().getName())) {
            throw new IllegalArgumentException("not an AlgorithmRegistry: " + registry.getClass());
        }
        this.registry = registry;
    }

    /** Complete suites, by standard name, mapped to the bulk cipher each names. */
    Map<String, String> completeSuites() {
        return suites("completeSuites");
    }

    /** Every suite defined (well-known table and contributions), mapped to its bulk cipher. */
    Map<String, String> definedSuites() {
        return suites("definedSuites");
    }

    private Map<String, String> suites(String method) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object suite : (List<?>) call(registry, method)) {
            out.put((String) call(suite, "name"), (String) call(suite, "cipher"));
        }
        return out;
    }

    List<String> bulkCipherNames() {
        return ((List<?>) call(registry, "bulkCiphers")).stream().map(c -> (String) call(c, "name")).toList();
    }

    /** What each bundle supplies now, by bundle symbolic name. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> modules() {
        return (Map<String, List<String>>) call(registry, "modules");
    }

    private static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            // A record's accessor is public but its class may be reached through a non-public path.
            m.setAccessible(true);
            return m.invoke(target);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + method + "() not callable", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + method + "() failed", e.getCause());
        }
    }
}
