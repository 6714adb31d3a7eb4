package io.sslkit.handshake;

import io.sslkit.api.CipherSuite;
import io.sslkit.api.ProtocolVersion;

/**
 * What the hellos of one handshake agreed on, told to {@link SslConfig.Builder#negotiationListener} before the
 * certificates are exchanged, so that an application can show (or a trust manager read) the handshake's session
 * while it is still being negotiated.
 *
 * @param client     true on the client side
 * @param version    the version both sides will speak
 * @param suite      the cipher suite the server chose
 * @param resumed    true when this is an abbreviated handshake resuming a cached session
 * @param serverName the host_name of server_name (RFC 6066): on a client the one it asked for, on a server the
 *                   one the client asked for; null when there was none (always, in SSL 3.0)
 */
public record Negotiation(boolean client, ProtocolVersion version, CipherSuite suite, boolean resumed,
                          String serverName) {
}
