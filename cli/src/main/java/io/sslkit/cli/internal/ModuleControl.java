package io.sslkit.cli.internal;

/**
 * Stops and starts the module that supplies algorithms, so that the demo can show suites disappear and return.
 * Inside OSGi a module is a bundle; nothing on the plain module path can unload one.
 */
public interface ModuleControl {
    /** Where the modules live, for the demo's narration, e.g. "Apache Felix 7.0.5". */
    String container();

    /** Stops the module (bundle) with this name; false when no such module is present. */
    boolean stop(String moduleName) throws Exception;

    /** Starts it again. */
    boolean start(String moduleName) throws Exception;
}
