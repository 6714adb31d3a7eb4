package io.sslkit.benchmarks;

/** The three TLS implementations compared. */
public enum Stack {
    SSLKIT("sslkit"),
    SUNJSSE("SunJSSE"),
    BCJSSE("BCJSSE");

    private final String display;

    Stack(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    /** BCJSSE implements no SSL 3.0 at all. */
    public boolean supports(Scenario s) {
        return this != BCJSSE || !s.version().isSsl3();
    }
}
