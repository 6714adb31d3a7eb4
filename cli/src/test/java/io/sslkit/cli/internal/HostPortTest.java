package io.sslkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HostPortTest {
    @Test
    void namesAddressesAndBracketedIpv6() {
        assertEquals(new HostPort("localhost", 4433), HostPort.parse("localhost:4433"));
        assertEquals(new HostPort("127.0.0.1", 1), HostPort.parse("127.0.0.1:1"));
        assertEquals(new HostPort("::1", 65535), HostPort.parse("[::1]:65535"));
        assertEquals("[::1]:443", new HostPort("::1", 443).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:", ":4433", "localhost:0", "localhost:65536", "host:https",
            "::1:443"})
    void malformedTargetsAreRefused(String value) {
        assertThrows(CommandLine.TypeConversionException.class, () -> HostPort.parse(value));
    }

    @Test
    void serverNameIsSentForNamesOnly() {
        assertTrue(ClientCommand.isAddressLiteral("127.0.0.1"));
        assertTrue(ClientCommand.isAddressLiteral("::1"));
        assertFalse(ClientCommand.isAddressLiteral("localhost"));
    }

    @Test
    void htmlOfThePageIsEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;?", SessionPage.escape("<script>&\"'\u0001"));
    }
}
