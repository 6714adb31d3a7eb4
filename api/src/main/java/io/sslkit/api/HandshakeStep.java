package io.sslkit.api;

/** The ten steps of the SSL handshake as the tutorial this project grew from tells them. */
public enum HandshakeStep {
    CLIENT_HELLO(1, "client sends its version, cipher settings and random data"),
    SERVER_HELLO(2, "server sends its version, cipher choice, random data and certificate"),
    SERVER_AUTHENTICATION(3, "client authenticates the server"),
    PRE_MASTER_SECRET(4, "client creates the pre-master secret and sends it encrypted to the server"),
    CLIENT_AUTHENTICATION(5, "client signs handshake data and sends its own certificate"),
    MASTER_SECRET(6, "server authenticates the client; both derive the master secret"),
    SESSION_KEYS(7, "both derive the session keys from the master secret"),
    CLIENT_FINISHED(8, "client changes cipher spec and sends Finished"),
    SERVER_FINISHED(9, "server changes cipher spec and sends Finished"),
    COMPLETE(10, "handshake complete; application data flows under the session keys");

    private final int number;
    private final String description;

    HandshakeStep(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }
}
