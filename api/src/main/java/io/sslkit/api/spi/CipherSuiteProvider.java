package io.sslkit.api.spi;

import io.sslkit.api.CipherSuite;
import java.util.List;

/**
 * Contributes suite definitions that the well-known table lacks, e.g. the Camellia suites of a user's own module. A
 * contributed suite is available, like any other, only while every part it names is registered.
 */
public interface CipherSuiteProvider {
    List<CipherSuite> cipherSuites();
}
