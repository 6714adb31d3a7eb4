package io.sslkit.benchmarks;

import java.security.Security;

/**
 * Settings both JSSE stacks read once, when JSSE is first used in the JVM: SSL 3.0, RC4 and 3DES are re-enabled
 * (the JDK disables them), extended_master_secret is off (SunJSSE resumes no session without it, and SSL 3.0 has
 * none) and session tickets are off, so that every stack resumes by session_id as sslkit does.
 */
final class LegacyJsse {
    private static boolean done;

    private LegacyJsse() {
    }

    static synchronized void enable() {
        if (done) {
            return;
        }
        done = true;
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
        System.setProperty("jdk.tls.useExtendedMasterSecret", "false");
        System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
        System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false");
    }
}
