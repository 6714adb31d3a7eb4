package io.sslkit.cli.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The command line a one-shot container carries in sslkit.exec.N; the run itself is DemoIT's (distribution). */
class OneShotCommandTest {
    private static BundleContext withProperties(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void readsConsecutivePropertiesFromZero() {
        assertEquals(List.of("demo", "--message", "two words"), OneShotCommand.commandLine(withProperties(Map.of(
                "sslkit.exec.0", "demo", "sslkit.exec.1", "--message", "sslkit.exec.2", "two words",
                "sslkit.exec.4", "after a gap: not part of it"))));
    }

    @Test
    void anOrdinaryContainerHasNone() {
        assertEquals(List.of(), OneShotCommand.commandLine(withProperties(Map.of())));
        // nothing to run: no listener is added, no thread started (the proxy would throw on anything else)
        OneShotCommand.startIfAsked(withProperties(Map.of()), args -> {
            throw new AssertionError("ran " + List.of(args));
        });
    }
}
