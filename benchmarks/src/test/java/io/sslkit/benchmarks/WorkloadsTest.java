package io.sslkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stack really performs every measured operation of every scenario it speaks, and the checks bite. */
class WorkloadsTest {
    @BeforeAll
    static void quietAndLegacy() {
        LegacyJsse.enable();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    static List<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (Stack st : Stack.values()) {
            for (Scenario s : Scenario.values()) {
                if (st.supports(s)) {
                    out.add(Arguments.of(st, s));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void fullResumedAndBulkSucceed(Stack stack, Scenario scenario) throws Exception {
        Workloads w = new Workloads(stack, scenario);
        w.fullHandshake().run();
        Op resumed = w.resumedHandshake();
        resumed.run();
        resumed.run();
        Op bulk = w.bulk();
        bulk.run();
        assertArrayEquals(w.wire().payload, Arrays.copyOf(w.wire().serverApp.array(), Wire.RECORD));
    }

    @Test
    void bcJsseIsNotOfferedSsl3() {
        assertFalse(Stack.BCJSSE.supports(Scenario.SSL3_RC4_SHA));
        // sslkit, SunJSSE and sslkit's JSSE provider in all four scenarios; BCJSSE in the two TLS ones
        assertEquals(14, combinations().size());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void sslkitJssePairsAreSslkitEnginesNegotiatingTheScenario(Scenario scenario) throws Exception {
        Workloads w = new Workloads(Stack.SSLKIT_JSSE, scenario);
        JssePair p = (JssePair) w.endpoints().newPair(false);
        p.handshake(w.wire());
        SSLEngine client = p.clientEngine();
        assertTrue(client.getClass().getName().startsWith("io.sslkit.jsse."), client.getClass().getName());
        assertEquals(scenario.protocol(), client.getSession().getProtocol());
        assertEquals(scenario.suite(), client.getSession().getCipherSuite());
    }

    @Test
    void aClientWithoutPeerIdentityNeverResumes() throws Exception {
        for (Stack st : Stack.values()) {
            Workloads w = new Workloads(st, Scenario.TLS10_AES128_SHA);
            Pair first = w.endpoints().newPair(false);
            first.handshake(w.wire());
            Pair second = w.endpoints().newPair(false);
            second.handshake(w.wire());
            assertFalse(Arrays.equals(first.sessionId(), second.sessionId()), st.display());
        }
    }

    @Test
    void aHandshakeAgainstAnotherScenarioFails() throws Exception {
        // client of one suite, server of another: the pump must report the failure, not spin or pass
        Workloads a = new Workloads(Stack.SSLKIT, Scenario.SSL3_RC4_SHA);
        Workloads b = new Workloads(Stack.SSLKIT, Scenario.TLS12_AES128_SHA256);
        SslkitPair mixed = mixed(a, b);
        assertThrows(Exception.class, () -> mixed.handshake(a.wire()));
    }

    private static SslkitPair mixed(Workloads client, Workloads server) throws Exception {
        SslkitPair c = (SslkitPair) client.endpoints().newPair(false);
        SslkitPair s = (SslkitPair) server.endpoints().newPair(false);
        return c.withServerOf(s);
    }
}
