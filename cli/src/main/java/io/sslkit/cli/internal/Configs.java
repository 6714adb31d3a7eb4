package io.sslkit.cli.internal;

import io.sslkit.handshake.SslConfig;

/** Builds a configuration, turning the engine's refusal of a setting into the one line the user reads. */
final class Configs {
    private Configs() {
    }

    static SslConfig build(SslConfig.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }
}
