package io.sslkit.benchmarks;

/** One stack configured for one scenario: it makes client/server pairs that share its session caches. */
interface Endpoints {
    /**
     * A new pair. A resumable client is created with the peer's host and port, so it offers the session it has
     * cached for them; a non-resumable one has no peer identity and always makes a full handshake.
     */
    Pair newPair(boolean resumable) throws Exception;

    static Endpoints of(Stack stack, Scenario scenario) throws Exception {
        return switch (stack) {
            case SSLKIT -> new SslkitEndpoints(scenario);
            case SUNJSSE -> JsseEndpoints.sunJsse(scenario);
            case BCJSSE -> JsseEndpoints.bcJsse(scenario);
            case SSLKIT_JSSE -> JsseEndpoints.sslkitJsse(scenario);
        };
    }
}
