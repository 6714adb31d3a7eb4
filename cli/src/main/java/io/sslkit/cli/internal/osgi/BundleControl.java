package io.sslkit.cli.internal.osgi;

import io.sslkit.cli.internal.ModuleControl;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Stops and starts bundles by symbolic name (which is the JPMS module name in sslkit). */
final class BundleControl implements ModuleControl {
    private final BundleContext context;

    BundleControl(BundleContext context) {
        this.context = context;
    }

    @Override
    public String container() {
        Bundle system = context.getBundle(0);
        return "Apache Felix " + system.getVersion() + " (" + context.getBundles().length + " bundles)";
    }

    @Override
    public boolean stop(String moduleName) throws Exception {
        Bundle b = find(moduleName);
        if (b == null) {
            return false;
        }
        b.stop();
        return true;
    }

    @Override
    public boolean start(String moduleName) throws Exception {
        Bundle b = find(moduleName);
        if (b == null) {
            return false;
        }
        b.start();
        return true;
    }

    private Bundle find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
