package io.sslkit.benchmarks;

import java.util.Arrays;

/**
 * The three engine operations of one stack for one scenario, each checking its own outcome so that a stack that
 * silently did less work (no resumption, a short read) fails instead of looking fast.
 */
final class Workloads {
    private final Endpoints endpoints;
    private final Wire wire = new Wire();

    public Workloads(Stack stack, Scenario scenario) throws Exception {
        this.endpoints = Endpoints.of(stack, scenario);
    }

    /** A full handshake between a new client (without peer identity, so it cannot resume) and a new server. */
    public Op fullHandshake() {
        byte[][] last = {new byte[0]};
        return () -> {
            Pair p = endpoints.newPair(false);
            p.handshake(wire);
            byte[] id = p.sessionId();
            if (Arrays.equals(id, last[0])) {
                throw new IllegalStateException("a full handshake reused the previous session_id");
            }
            last[0] = id;
        };
    }

    /** An abbreviated handshake resuming the session that one full handshake made at setup. */
    public Op resumedHandshake() throws Exception {
        Pair first = endpoints.newPair(true);
        first.handshake(wire);
        byte[] id = first.sessionId();
        if (id.length == 0) {
            throw new IllegalStateException("the server gave no session_id: nothing to resume");
        }
        return () -> {
            Pair p = endpoints.newPair(true);
            p.handshake(wire);
            if (!Arrays.equals(id, p.sessionId())) {
                throw new IllegalStateException("the handshake did not resume the session");
            }
        };
    }

    /** 16 KiB of application data from client to server through one established session. */
    public Op bulk() throws Exception {
        Pair p = established();
        return () -> {
            int n = p.transfer(wire, true);
            if (n != Wire.RECORD) {
                throw new IllegalStateException("received " + n + " bytes of " + Wire.RECORD);
            }
        };
    }

    /** A pair after a full handshake, its data path proved once in each direction. */
    Pair established() throws Exception {
        Pair p = endpoints.newPair(false);
        p.handshake(wire);
        for (boolean fromClient : new boolean[] {true, false}) {
            int n = p.transfer(wire, fromClient);
            byte[] got = Arrays.copyOf((fromClient ? wire.serverApp : wire.clientApp).array(), n);
            if (!Arrays.equals(got, wire.payload)) {
                throw new IllegalStateException("the data arrived altered or incomplete");
            }
        }
        return p;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    Wire wire() {
        return wire;
    }
}
