package io.sslkit.cli.internal;

import picocli.CommandLine;

/** The version the module was built as (the module descriptor carries the Maven version). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getModule().getDescriptor() != null
                ? VersionProvider.class.getModule().getDescriptor().rawVersion().orElse(null)
                : null;
        if (version == null) {
            version = VersionProvider.class.getPackage().getImplementationVersion();
        }
        return new String[] {"sslkit " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"};
    }
}
