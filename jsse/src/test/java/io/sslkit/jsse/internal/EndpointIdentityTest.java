package io.sslkit.jsse.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6125 §6.4.3 wildcard rules of the fallback endpoint identification. */
class EndpointIdentityTest {
    @Test
    void exactNamesMatchCaseInsensitivelyAndWithoutTheRootDot() {
        assertTrue(EndpointIdentity.matches("www.example.org", "WWW.Example.org"));
        assertTrue(EndpointIdentity.matches("www.example.org.", "www.example.org"));
        assertFalse(EndpointIdentity.matches("www.example.org", "example.org"));
    }

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(EndpointIdentity.matches("www.example.org", "*.example.org"));
        assertFalse(EndpointIdentity.matches("a.b.example.org", "*.example.org"));
        assertFalse(EndpointIdentity.matches("example.org", "*.example.org"));
        assertFalse(EndpointIdentity.matches("www.org", "*.org"), "no wildcard over a top-level domain");
        assertFalse(EndpointIdentity.matches("www.example.org", "w*.example.org"), "only whole-label wildcards");
    }
}
