package io.sslkit.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * An Apache Felix framework booted in the test JVM from the assembled bundle folders, with the start levels of
 * bin/sslkit-felix: the extender, ASM and SLF4J at level 1, everything else at level 2.
 */
final class EmbeddedFelix implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Framework framework;

    private EmbeddedFelix(Framework framework) {
        this.framework = framework;
    }

    /** A framework with nothing installed, for reading bundle metadata through the framework's own parser. */
    static EmbeddedFelix empty(Path storage) throws BundleException {
        Framework fw = newFramework(storage, Map.of());
        fw.init();
        return new EmbeddedFelix(fw);
    }

    /** A running framework with every bundle of the distribution started; {@code loadDir} is the watched folder. */
    static EmbeddedFelix boot(Path storage, Path loadDir) throws Exception {
        Map<String, String> extra = new HashMap<>();
        // The Gogo shell would otherwise read the test's standard input.
        extra.put("gosh.args", "--nointeractive");
        extra.put("felix.fileinstall.dir", loadDir.toString());
        extra.put("felix.fileinstall.poll", "200");
        extra.put("felix.fileinstall.noInitialDelay", "true");
        extra.put("felix.fileinstall.filter", ".*\\.jar");
        Framework fw = newFramework(storage, extra);
        fw.init();
        EmbeddedFelix felix = new EmbeddedFelix(fw);
        try {
            BundleContext ctx = fw.getBundleContext();
            felix.installAll(ctx, Distribution.bootBundles(), 1);
            felix.installAll(ctx, Distribution.bundles(), 2);
            fw.start();
            felix.raiseStartLevel(2);
            return felix;
        } catch (Exception | Error e) {
            felix.close();
            throw e;
        }
    }

    private static Framework newFramework(Path storage, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        return factory.newFramework(config);
    }

    private void installAll(BundleContext ctx, List<Path> jars, int startLevel) throws BundleException {
        List<Bundle> installed = new java.util.ArrayList<>();
        for (Path jar : jars) {
            Bundle b = ctx.installBundle(jar.toUri().toString());
            b.adapt(BundleStartLevel.class).setStartLevel(startLevel);
            installed.add(b);
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                // Marks the bundle persistently started: the framework starts it when its level is reached.
                b.start();
            }
        }
    }

    private void raiseStartLevel(int level) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, e -> {
            if (e.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        if (!reached.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("framework did not reach start level " + level);
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** The installed bundle with this symbolic name, or null. */
    Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** The service object registered under {@code className}, waiting for it to appear. */
    Object awaitService(String className) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            ServiceReference<?> ref = context().getServiceReference(className);
            if (ref != null) {
                Object service = context().getService(ref);
                if (service != null) {
                    return service;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + className + " service within " + TIMEOUT);
    }

    /** Refreshes the wiring (as after an uninstall) and waits until the framework has done it. */
    void refresh() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(null, e -> done.countDown());
        if (!done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("bundle refresh did not finish");
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException {
        framework.stop();
        framework.waitForStop(TIMEOUT.toMillis());
    }

    static Path storage(String name) throws IOException {
        Path dir = Distribution.home().getParent().resolve("felix-test").resolve(name);
        Files.createDirectories(dir);
        return dir;
    }
}
