package io.sslkit.benchmarks;

/**
 * The TLS implementations compared: sslkit's own engine, SunJSSE, BCJSSE, and sslkit again behind the JSSE API of its
 * provider (what the JSSE layer costs on top of the engine it adapts).
 */
public enum Stack {
    SSLKIT("sslkit"),
    SUNJSSE("SunJSSE"),
    BCJSSE("BCJSSE"),
    SSLKIT_JSSE("sslkit JSSE");

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
