package io.sslkit.cipher.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sslkit.api.spi.KeyExchange;
import io.sslkit.api.spi.SignatureAlgorithm;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The META-INF/services files name what module-info provides, so ServiceLoader (and SPI Fly) find it. */
class ServiceRegistrationTest {
    @Test
    void keyExchangesAreDiscoverable() {
        Set<String> names = ServiceLoader.load(KeyExchange.class).stream().map(p -> p.get().name())
                .collect(Collectors.toSet());
        assertEquals(Set.of("RSA", "RSA_EXPORT"), names);
    }

    @Test
    void signatureIsDiscoverable() {
        Set<String> names = ServiceLoader.load(SignatureAlgorithm.class).stream().map(p -> p.get().name())
                .collect(Collectors.toSet());
        assertEquals(Set.of("RSA"), names);
    }
}
