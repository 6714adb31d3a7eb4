/**
 * The SSL 3.0 / TLS 1.0-1.2 engine: configure a connection with {@link io.sslkit.handshake.SslConfig}, run it with
 * the non-blocking {@link io.sslkit.handshake.SslEngine} or the blocking {@link io.sslkit.handshake.SslSocket}, and
 * read what was agreed from {@link io.sslkit.handshake.SslSession}.
 *
 * <pre>{@code
 * SslConfig config = SslConfig.client()
 *         .policy(Policy.LEGACY)                       // SSL 3.0 is legacy: the choice is explicit
 *         .protocols(ProtocolVersion.SSL_3_0)
 *         .cipherSuites("SSL_RSA_WITH_RC4_128_MD5")    // JSSE, IANA or OpenSSL names
 *         .trustAnchors(List.of(caCertificate))
 *         .listener(myListener)                         // the ten steps, every message, every alert
 *         .build();
 * try (SslSocket s = SslSocket.connect("127.0.0.1", 4433, config)) {
 *     s.getOutputStream().write(request);
 *     ...
 * }
 * }</pre>
 *
 * <p>Adapters such as a JSSE provider plug in through {@link io.sslkit.handshake.PeerVerifier} (every peer chain,
 * refusals name their alert), {@link io.sslkit.handshake.CredentialChooser} (certificates picked when ClientHello or
 * CertificateRequest arrives), the {@link io.sslkit.handshake.Negotiation} event, and the sessions of
 * {@link io.sslkit.handshake.SessionCache}, which can be listed and invalidated one by one.
 *
 * <p>Everything else (message codecs, state machines, key schedules, negotiator, certificate checks, the session
 * store) lives in non-exported {@code internal} packages.
 */
package io.sslkit.handshake;
